// Package exitcode holds the exit statuses leadlex and leadlex-beam share,
// so that scripts read both the same way.
package exitcode

// Exit statuses.
const (
	// OK: the run completed.
	OK = 0
	// Violation: check found a problem at or above --fail-on, or
	// --fail-on-error saw a row with status error.
	Violation = 1
	// Usage: bad flags, an unreadable policy or lexicon, or output that
	// cannot be written.
	Usage = 2
	// Interrupt: the run was interrupted by SIGINT (Ctrl-C); nothing was
	// written.
	Interrupt = 130
	// Terminated: the run was stopped by SIGTERM (timeout, CI); nothing
	// was written.
	Terminated = 143
)
