package bot

import (
	"context"
	"sync/atomic"
	"time"
)

// askQueue bounds the /ask work done at once. Answering is CPU work: on a
// small machine a few at once use every core, and more only make each of
// them slower. So at most workers answer while up to queue more wait their
// turn; an ask beyond that is told at once to try again in a moment, which
// keeps Discord's 3-second acknowledgement for everyone.
type askQueue struct {
	places     chan struct{} // one per admitted ask, answering or waiting
	workers    chan struct{} // one per ask being answered
	lapseAfter time.Duration // unclaimedAfter, shorter in tests
}

// unclaimedAfter frees the place of an admitted ask whose work never
// started: its acknowledgement failed, or the bot was closing.
const unclaimedAfter = 30 * time.Second

func newAskQueue(workers, queue int) *askQueue {
	return &askQueue{places: make(chan struct{}, workers+queue), workers: make(chan struct{}, workers), lapseAfter: unclaimedAfter}
}

// ticket is an admitted ask's place in the queue.
type ticket struct {
	q       *askQueue
	claimed atomic.Bool // the place is being used or has been given back
	lapse   *time.Timer
}

// admit takes a place for an ask, or returns nil when every place is
// taken. It never waits.
func (q *askQueue) admit() *ticket {
	select {
	case q.places <- struct{}{}:
	default:
		return nil
	}
	t := &ticket{q: q}
	t.lapse = time.AfterFunc(q.lapseAfter, func() {
		if t.claimed.CompareAndSwap(false, true) {
			<-q.places
		}
	})
	return t
}

// release gives back the place of an ask that will not be answered.
func (t *ticket) release() {
	if t.claimed.CompareAndSwap(false, true) {
		t.lapse.Stop()
		<-t.q.places
	}
}

// waiting is the number of admitted asks, answering or waiting.
func (q *askQueue) waiting() int { return len(q.places) }

// run waits for a free worker, then calls answer, and gives the place
// back. It returns ctx's error if ctx ends first.
func (t *ticket) run(ctx context.Context, answer func() error) error {
	if t.claimed.CompareAndSwap(false, true) {
		t.lapse.Stop()
		defer func() { <-t.q.places }()
	} // else the place lapsed; the ask still waits for a worker
	select {
	case t.q.workers <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-t.q.workers }()
	return answer()
}
