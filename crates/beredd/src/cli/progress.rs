//! How far a long command has come: a progress bar on standard error when it is a terminal, and
//! otherwise one plain line each time the work moves to its next step (never a line per row).

use std::io::IsTerminal;
use std::sync::Mutex;

use beredd_domain::job::JobStep;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::platform::i18n::{Catalog, Lang, Tr};
use crate::platform::progress::Progress;

/// A progress bar, or plain lines.
pub struct Bar {
    bar: Option<ProgressBar>,
    last: Mutex<Option<JobStep>>,
    tr: Tr,
}

impl Bar {
    /// A bar when standard error is a terminal, plain lines on it otherwise.
    pub fn new() -> Bar {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}") {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Bar { bar, last: Mutex::new(None), tr: Tr::new(Catalog::load(), Lang::Sv) }
    }

    /// Clears the bar (before the command's own last line).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn report(&self, step: JobStep, done: u64, total: u64) {
        let mut last = self.last.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let new_step = *last != Some(step);
        *last = Some(step);
        match &self.bar {
            Some(bar) => {
                if new_step {
                    bar.set_message(self.tr.t(step.label_id()));
                }
                bar.set_length(total);
                bar.set_position(done);
            }
            None if new_step && step != JobStep::Finished => eprintln!("{} …", self.tr.t(step.label_id())),
            None => {}
        }
    }
}
