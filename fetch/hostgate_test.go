package fetch

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

func TestHostDelay(t *testing.T) {
	const delay = 150 * time.Millisecond
	var mu sync.Mutex
	var starts []time.Time
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
	})
	c := testClient(Options{HostDelay: delay})
	for i := 0; i < 3; i++ {
		if _, err := c.Get(context.Background(), srv.URL, Conditional{}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < delay {
			t.Errorf("request %d: got gap %v, want at least %v", i, gap, delay)
		}
	}
}

func TestHostGateCancelDuringDelay(t *testing.T) {
	g := newHostGate(time.Hour)
	release, err := g.acquire(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	release()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := g.acquire(ctx, "example.com"); err == nil {
		t.Fatal("got nil error while an hour's delay was pending, want ctx error")
	}
	// The slot must be free again, and other hosts never wait.
	if _, err := g.acquire(context.Background(), "other.example"); err != nil {
		t.Errorf("other host: got %v, want nil", err)
	}
}
