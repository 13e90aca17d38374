//! Writing to standard output and standard error without panicking.
//!
//! `println!` panics when standard output cannot be written (a closed pipe,
//! a full disk). Every output path of the command writes through [`Out`]
//! instead, and a failed write ends the command by [`Stop`]:
//!
//! - a **broken pipe** (`yusuan check DIR | head -1`: the reader has what it
//!   wants and left) ends the command quietly, with the exit status of what
//!   was done so far (0 for `import`, `show`, `explain`, …; for `check`, as
//!   if the documents checked until then were all);
//! - **any other write error** (`yusuan import SEED.txt > /dev/full`) prints
//!   `error: cannot write to standard output: …` on standard error and exits
//!   2.
//!
//! Messages for people go to standard error through [`note!`](crate::note),
//! which ignores its own write errors (there is nowhere left to report
//! them).

use std::io::{self, Write};

/// Why the command stopped writing.
#[derive(Debug)]
pub enum Stop {
    /// The reader of standard output went away: stop quietly.
    BrokenPipe,
    /// Standard output cannot be written.
    Failed(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Stop::BrokenPipe
        } else {
            Stop::Failed(e)
        }
    }
}

impl Stop {
    /// The exit status when output stopped, given the status of the work
    /// done so far: that status for a broken pipe; otherwise the error is
    /// reported and the status is [`crate::UNUSABLE`].
    pub fn status(self, so_far: u8) -> u8 {
        match self {
            Stop::BrokenPipe => so_far,
            Stop::Failed(e) => {
                crate::note!("error: cannot write to standard output: {e}");
                crate::UNUSABLE
            }
        }
    }
}

/// Standard output, buffered; every write is fallible.
pub struct Out {
    inner: io::BufWriter<io::StdoutLock<'static>>,
}

impl Out {
    /// Locks standard output for the command's lifetime.
    pub fn stdout() -> Out {
        Out {
            inner: io::BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }

    /// Writes `text` as is.
    pub fn write(&mut self, text: &str) -> Result<(), Stop> {
        self.inner.write_all(text.as_bytes()).map_err(Stop::from)
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) -> Result<(), Stop> {
        self.write(text)?;
        self.write("\n")
    }

    /// Sends what is buffered to standard output.
    pub fn flush(&mut self) -> Result<(), Stop> {
        self.inner.flush().map_err(Stop::from)
    }
}

/// `eprintln!` that never panics: a message on standard error, its own
/// write error ignored.
#[macro_export]
macro_rules! note {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stderr(), $($arg)*);
    }};
}
