// Copies of an object that two threads must not use at once, for an engine
// that many threads share.
//
// An ICU BreakIterator holds the text it walks and its position in it, so
// one iterator cannot serve two threads. The pool keeps the prototype made
// at load (never used itself) and hands each caller a copy of its own for
// as long as it holds the Lease; a returned copy is handed out again, so
// the pool grows to the number of callers at once (the -j workers), not to
// the number of calls.
#ifndef BULLETIN_CLONE_POOL_H_
#define BULLETIN_CLONE_POOL_H_

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace bulletin {

// T has `T* clone() const` returning a new copy (ICU's classes do).
template <typename T>
class ClonePool {
 public:
  explicit ClonePool(std::unique_ptr<T> prototype)
      : prototype_(std::move(prototype)) {}
  ClonePool(const ClonePool&) = delete;
  ClonePool& operator=(const ClonePool&) = delete;

  // One copy, the holder's alone until the Lease is destroyed, when it
  // goes back to its pool (which must outlive the Lease).
  class Lease {
   public:
    Lease(Lease&& o) noexcept : pool_(o.pool_), obj_(std::move(o.obj_)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (obj_) pool_->Return(std::move(obj_));
    }
    T& operator*() const { return *obj_; }
    T* operator->() const { return obj_.get(); }

   private:
    friend class ClonePool;
    Lease(const ClonePool* pool, std::unique_ptr<T> obj)
        : pool_(pool), obj_(std::move(obj)) {}
    const ClonePool* pool_;
    std::unique_ptr<T> obj_;
  };

  // A copy of the prototype for the caller's use: a returned one when
  // there is one, else a new clone. Safe when several threads ask at once.
  Lease Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.empty()) return Lease(this, std::unique_ptr<T>(prototype_->clone()));
    std::unique_ptr<T> obj = std::move(free_.back());
    free_.pop_back();
    return Lease(this, std::move(obj));
  }

 private:
  void Return(std::unique_ptr<T> obj) const {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(obj));
  }

  std::unique_ptr<T> prototype_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<T>> free_;
};

}  // namespace bulletin

#endif  // BULLETIN_CLONE_POOL_H_
