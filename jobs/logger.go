package jobs

import "log/slog"

// cronLogger lets cron's Recover and SkipIfStillRunning wrappers log through
// slog, with the job key already attached.
type cronLogger struct{ log *slog.Logger }

// Info logs cron's routine messages ("skip") at Info.
func (l cronLogger) Info(msg string, kv ...any) {
	l.log.Info("cron: "+msg, kv...)
}

// Error logs a recovered panic or other cron error.
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "error", err)...)
}
