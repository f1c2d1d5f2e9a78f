//! Crisis mode: incidents with their board, log, staff, roster, communication, meetings,
//! recovery, exercises and lessons learned.

pub mod comms;
pub mod incidents;
pub mod lessons;
pub mod meetings;
pub mod recovery;
