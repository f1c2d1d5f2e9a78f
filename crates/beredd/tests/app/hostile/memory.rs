//! How much memory a reader takes: the test binary's allocator counts, per thread, the bytes held
//! while a measurement runs, and keeps the highest count. A reader runs on the test's own thread,
//! so what it allocates is what is counted; the other tests running at once are not.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static HELD: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    // `try_with`: a thread being torn down has no counters left, and frees memory all the same.
    let _ = ON.try_with(|on| {
        if on.get() {
            let _ = HELD.try_with(|held| {
                let now = held.get() + delta;
                held.set(now);
                let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
            });
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Runs `work` and answers with its result and the most memory (bytes) it held at once on this
/// thread, beyond what was held when it started.
pub fn peak<T>(work: impl FnOnce() -> T) -> (T, usize) {
    HELD.with(|h| h.set(0));
    PEAK.with(|p| p.set(0));
    ON.with(|on| on.set(true));
    let out = work();
    ON.with(|on| on.set(false));
    (out, PEAK.with(Cell::get).max(0) as usize)
}

/// A megabyte, for bounds.
pub const MB: usize = 1024 * 1024;

#[test]
fn the_count_sees_what_is_held_and_not_what_is_freed() {
    let (_, small) = peak(|| (0..100).for_each(|_| drop(std::hint::black_box(vec![0u8; 1000]))));
    assert!(small < 10_000, "{small}");
    let (v, big) = peak(|| vec![1u8; 8 * MB]);
    assert!((8 * MB..9 * MB).contains(&big), "{big}");
    drop(v);
}
