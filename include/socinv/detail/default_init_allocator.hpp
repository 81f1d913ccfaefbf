#pragma once
// An allocator for large arrays filled at once: no zeros first, and huge pages where Linux has them.

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace socinv::detail {

// std::vector<double>::resize writes zeros to every element, in one thread, before anything
// else can happen: for a million-draw simulation that is 24 MB of writes and some 6,000 page
// faults on one core. With this allocator resize does nothing to the numbers, so the threads
// that fill the array are the first to touch its pages; and on Linux an array of 4 MB or more
// is aligned to 2 MB and marked for transparent huge pages, which cuts the page faults about
// 500-fold (the kernel's "madvise" mode, Debian's default, gives huge pages only on request).
template <class T>
struct default_init_allocator : std::allocator<T> {
    using value_type = T;
    default_init_allocator() = default;
    template <class U>
    default_init_allocator(const default_init_allocator<U>&) noexcept {}
    template <class U>
    struct rebind {
        using other = default_init_allocator<U>;
    };

    static constexpr std::size_t huge_page = std::size_t{2} << 20;

    T* allocate(std::size_t n) {
        if (n > std::size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
        if (bytes < 2 * huge_page) return std::allocator<T>::allocate(n);
        const std::size_t rounded = (bytes + huge_page - 1) / huge_page * huge_page;
        void* p = std::aligned_alloc(huge_page, rounded);
        if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        (void)madvise(p, rounded, MADV_HUGEPAGE);  // advice only: without it the pages are small
#endif
        return static_cast<T*>(p);
    }

    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < 2 * huge_page) return std::allocator<T>::deallocate(p, n);
        std::free(p);
    }

    template <class U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
        ::new (static_cast<void*>(p)) U;  // default-initialization: no zeros for numbers
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }

    template <class U>
    friend bool operator==(const default_init_allocator&, const default_init_allocator<U>&) noexcept {
        return true;
    }
};

}  // namespace socinv::detail
