// bulletin-extract: the command line is src/cli/ (commands.h).
#include "cli/commands.h"

int main(int argc, char** argv) { return bulletin::cli::Main(argc, argv); }
