package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"testing"
)

func TestRetryable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"503", fmt.Errorf("fetch: x: %w", &StatusError{Code: 503}), true},
		{"429", &StatusError{Code: 429}, true},
		{"404", &StatusError{Code: 404}, false},
		{"timeout", &timeoutError{url: "http://x", after: 1}, true},
		{"reset", &net.OpError{Op: "read", Err: os.NewSyscallError("read", syscall.ECONNRESET)}, true},
		{"refused", fmt.Errorf("dial: %w", syscall.ECONNREFUSED), true},
		{"unexpected eof", fmt.Errorf("read: %w", io.ErrUnexpectedEOF), true},
		{"too large", fmt.Errorf("x: %w", ErrTooLarge), false},
		{"blocked", ErrBlockedAddress, false},
		{"loop", ErrRedirectLoop, false},
		{"cancelled", context.Canceled, false},
		{"other", errors.New("bad"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Retryable(tt.err); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
