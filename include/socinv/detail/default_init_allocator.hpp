#pragma once
// An allocator whose resize leaves numbers uninitialized, for arrays that are filled at once.

#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace socinv::detail {

// std::vector<double>::resize writes zeros to every element, in one thread, before anything
// else can happen: for a million-draw simulation that is 24 MB of writes and page faults on
// one core. With this allocator resize does nothing to the numbers, so the threads that fill
// the array are the first to touch its pages.
template <class T>
struct default_init_allocator : std::allocator<T> {
    using std::allocator<T>::allocator;
    template <class U>
    struct rebind {
        using other = default_init_allocator<U>;
    };

    template <class U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
        ::new (static_cast<void*>(p)) U;  // default-initialization: no zeros for numbers
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

}  // namespace socinv::detail
