//! The binary's allocator: mimalloc (version 2), asked the way the system
//! allocator is asked.
//!
//! mimalloc, not glibc's malloc: glibc keeps the memory a figure's ranking
//! of thousands of facts frees (200 articles against 10,000 facts peaked
//! at 1.3 GB for 20 MB in use), and allocation is a tenth of extraction's
//! time. Version 2, not 3: the same speed within noise and a lower peak on
//! most shapes measured (the 100 MB article 336–358 → 306–318 MB, the
//! corpus 77 → 43 MB, 50 of the 55 `scripts/hostile` shapes 9–43% lower).
//!
//! The `mimalloc` crate's allocator sends every request through
//! `mi_malloc_aligned`, whose checks cost more than the allocation (about
//! 40 instructions of the 55 of a small one). A Rust allocation's size is a
//! multiple of its alignment, and mimalloc gives any block of such a size
//! an alignment up to 16 (`MI_MAX_ALIGN_SIZE`) from its plain entry points
//! — its own aligned path takes them when it can; upstream,
//! purpleprotocol/mimalloc_rust#170 proposes the same. Other layouts keep
//! the aligned entry points.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment every block of mimalloc has whose size is a multiple of it.
const NATURAL: usize = 16;

pub struct Allocator;

/// Whether a block of `size` bytes from the plain entry points is aligned
/// to `align` (a power of two).
fn natural(size: usize, align: usize) -> bool {
    align <= NATURAL && size.is_multiple_of(align)
}

// SAFETY: every block comes from mimalloc and goes back to it; a plain
// entry point is used only for a layout `natural` says it aligns, the
// aligned ones for any other.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocation functions take any size.
        unsafe {
            if natural(layout.size(), layout.align()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe {
            if natural(layout.size(), layout.align()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` was given by this allocator, so by mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was given by mimalloc; the new block keeps the
        // layout's alignment by the same rule as `alloc`.
        unsafe {
            if natural(new_size, layout.align()) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every alignment up to a page, of sizes that are
    /// multiples of it and sizes that are not, are aligned, hold what was
    /// written, and keep it (and their alignment) when grown and shrunk.
    #[test]
    fn every_block_is_aligned_and_keeps_its_bytes() {
        let a = Allocator;
        for align in (0..=12).map(|k| 1usize << k) {
            // (sizes a multiple of the alignment, as Rust's types have,
            // and sizes that are not, as a `Layout` may have)
            let sizes = [1, 7, 8, 15, 16, 24, 40, 48, 100, 4096, 70_000];
            let sizes = sizes
                .iter()
                .flat_map(|&s| [s, s.max(align) / align * align]);
            for size in sizes {
                let Ok(layout) = Layout::from_size_align(size, align) else {
                    continue;
                };
                for zeroed in [false, true] {
                    // SAFETY: the layout's size is not zero; each block is
                    // written within its size and freed once with its layout.
                    unsafe {
                        let p = if zeroed {
                            a.alloc_zeroed(layout)
                        } else {
                            a.alloc(layout)
                        };
                        assert!(!p.is_null());
                        assert_eq!(p as usize % align, 0, "{size} {align}");
                        if zeroed {
                            assert!((0..size).all(|i| *p.add(i) == 0));
                        }
                        for i in 0..size {
                            *p.add(i) = i as u8;
                        }
                        let mut p = p;
                        let mut now = layout;
                        for new in [size * 3, size, align] {
                            let q = a.realloc(p, now, new);
                            assert!(!q.is_null());
                            assert_eq!(q as usize % align, 0, "{size} {align} -> {new}");
                            let kept = now.size().min(new);
                            assert!((0..kept).all(|i| *q.add(i) == i as u8));
                            p = q;
                            now = Layout::from_size_align(new, align).unwrap();
                        }
                        a.dealloc(p, now);
                    }
                }
            }
        }
    }
}
