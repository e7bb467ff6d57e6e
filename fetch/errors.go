package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"syscall"
	"time"
)

var (
	// ErrTooLarge means the body, after decompression, exceeded MaxBytes.
	ErrTooLarge = errors.New("body exceeds size limit")
	// ErrBlockedAddress means the host resolved to a loopback, private,
	// link-local or otherwise non-public address and AllowPrivate is off.
	ErrBlockedAddress = errors.New("address is not public")
	// ErrRedirectLoop means a redirect chain revisited a URL or was longer
	// than MaxRedirects.
	ErrRedirectLoop = errors.New("redirect loop or too many redirects")
	// ErrTimeout means the request, body included, outlasted Options.Timeout.
	ErrTimeout = errors.New("timed out")
	// ErrScheme means the URL is not http or https.
	ErrScheme = errors.New("unsupported URL scheme")
)

// StatusError is returned for a final response whose status is neither
// 2xx nor 304.
type StatusError struct {
	URL  string
	Code int
}

// Error reports the status code; Get wraps it with the requested URL.
func (e *StatusError) Error() string {
	return fmt.Sprintf("status %d %s", e.Code, http.StatusText(e.Code))
}

// timeoutError reads "fetch: URL: timed out after 20s" and matches both
// ErrTimeout and context.DeadlineExceeded.
type timeoutError struct {
	url   string
	after time.Duration
}

func (e *timeoutError) Error() string {
	return fmt.Sprintf("fetch: %s: timed out after %s", e.url, e.after)
}

func (e *timeoutError) Is(target error) bool {
	return target == ErrTimeout || target == context.DeadlineExceeded
}

// Timeout lets the error satisfy net.Error-style checks.
func (e *timeoutError) Timeout() bool { return true }

// Retryable reports whether err is worth retrying later: a 5xx or 429
// status, a timeout, or a connection reset or refused. Size limits,
// blocked addresses, redirect loops, other 4xx and cancellation are not.
func Retryable(err error) bool {
	if err == nil {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 500 || se.Code == 429
	}
	if errors.Is(err, context.Canceled) {
		return false
	}
	for _, target := range []error{ErrTimeout, syscall.ECONNRESET,
		syscall.ECONNREFUSED, syscall.EPIPE, io.ErrUnexpectedEOF} {
		if errors.Is(err, target) {
			return true
		}
	}
	var te interface{ Timeout() bool }
	return errors.As(err, &te) && te.Timeout()
}
