package fetch

import (
	"context"
	"sync"
	"time"
)

// hostGate lets one request at a time reach each host, and keeps at least
// delay between the end of one request and the start of the next.
type hostGate struct {
	delay time.Duration
	mu    sync.Mutex
	hosts map[string]*hostSlot
}

// hostSlot is one host's semaphore and the time its last request ended.
type hostSlot struct {
	sem  chan struct{}
	last time.Time // guarded by holding sem
}

func newHostGate(delay time.Duration) *hostGate {
	return &hostGate{delay: delay, hosts: make(map[string]*hostSlot)}
}

func (g *hostGate) slot(host string) *hostSlot {
	g.mu.Lock()
	defer g.mu.Unlock()
	s, ok := g.hosts[host]
	if !ok {
		s = &hostSlot{sem: make(chan struct{}, 1)}
		g.hosts[host] = s
	}
	return s
}

// acquire waits for host's turn, then for the polite delay, and returns the
// function that gives the turn back. It gives up when ctx is done.
func (g *hostGate) acquire(ctx context.Context, host string) (release func(), err error) {
	s := g.slot(host)
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release = func() {
		s.last = time.Now()
		<-s.sem
	}
	if wait := time.Until(s.last.Add(g.delay)); g.delay > 0 && wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			<-s.sem // nothing was sent, so keep the previous end time
			return nil, ctx.Err()
		}
	}
	return release, nil
}
