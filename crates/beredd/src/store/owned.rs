//! The id of a parent row the store found in one organisation, as a type (issue 22: isolation
//! is typed, not a convention). A child table (an incident's log, board, roster, messages…; a
//! framework assessment's answers) has no `org_id` of its own: its rows belong to whichever
//! organisation owns the parent. Its queries therefore take an [`Owned`] parent, not a bare id;
//! only the store makes one, from a row it read together with its `org_id`, and the row is only
//! handed out by functions that select by the organisation they are given. A use case that takes
//! an id from an address and forgets to look the parent up in the caller's organisation does not
//! compile; `tests/app/accounts/isolation.rs` checks the routes at run time as well.
//!
//! A child query given a bare id does not compile:
//!
//! ```compile_fail,E0308
//! async fn board_of(pool: &sqlx::AnyPool, id_from_the_address: i64) {
//!     let _ = beredd::store::incidents::board(pool, id_from_the_address).await;
//! }
//! ```
//!
//! nor does a key made outside the store:
//!
//! ```compile_fail,E0624
//! let _ = beredd::store::incidents::Key::found(1, 42);
//! ```
//!
//! Tables with a key: an incident's (`incidents::Key`: log, board, roster, staff reached,
//! reporting, hotlines, messages, media, meetings, injects, lessons, recovery backlog), a
//! framework assessment's answers and their actions (`frameworks::Key`), a steering document's
//! versions and reading links (`documents::Key`), a course's completions (`training::Key`), a
//! management review's decisions (`reviews::Key`), and a cycle item's tasks (`cycle::Key`).

use std::fmt;
use std::marker::PhantomData;

/// The id of a `T` and the organisation it belongs to.
pub struct Owned<T> {
    org: i64,
    id: i64,
    of: PhantomData<fn() -> T>,
}

impl<T> Owned<T> {
    /// A row of organisation `org` with this id: only for a row just read with its `org_id`
    /// (or inserted with it).
    pub(in crate::store) fn found(org: i64, id: i64) -> Self {
        Owned { org, id, of: PhantomData }
    }

    /// The row's id, for an address or a log line.
    pub fn id(self) -> i64 {
        self.id
    }

    /// The organisation the row belongs to.
    pub fn org(self) -> i64 {
        self.org
    }
}

// Written out rather than derived: a derive would ask the same of `T`.
impl<T> Clone for Owned<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Owned<T> {}

impl<T> PartialEq for Owned<T> {
    fn eq(&self, other: &Self) -> bool {
        (self.org, self.id) == (other.org, other.id)
    }
}

impl<T> Eq for Owned<T> {}

impl<T> fmt::Debug for Owned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}#{} of organisation {}",
            std::any::type_name::<T>().rsplit("::").next().unwrap_or(""),
            self.id,
            self.org
        )
    }
}

/// Gives a row type read with its private `org_id` its key: `keyed!(Incident)` declares
/// `pub type Key = Owned<Incident>` and `Incident::key()`; `keyed!(Due as Key)` gives another row
/// of the same parent (a closed incident due for thinning) the parent's key.
macro_rules! keyed {
    ($row:ident) => {
        #[doc = concat!("A `", stringify!($row), "` of one organisation, as its child tables' queries take it (`store::owned`).")]
        pub type Key = $crate::store::owned::Owned<$row>;
        $crate::store::owned::keyed!($row as Key);
    };
    ($row:ident as $key:ident) => {
        impl $row {
            /// The row's id and organisation, as its child tables' queries take them.
            pub fn key(&self) -> $key {
                $key::found(self.org_id, self.id)
            }
        }
    };
}
pub(crate) use keyed;
