package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"storybot/answer"
	"storybot/bot/discordtest"
)

func TestAskQueueAdmitsWorkersAndQueue(t *testing.T) {
	q := newAskQueue(2, 3)
	var ts []*ticket
	for i := range 5 {
		tk := q.admit()
		if tk == nil {
			t.Fatalf("ask %d refused with %d places taken, want 5 places", i+1, q.waiting())
		}
		ts = append(ts, tk)
	}
	if q.admit() != nil {
		t.Fatalf("a sixth ask admitted, want it refused")
	}
	ts[0].release()
	ts[0].release() // a second release gives back nothing more
	if q.waiting() != 4 {
		t.Errorf("got %d places taken after one release, want 4", q.waiting())
	}
	if q.admit() == nil {
		t.Errorf("an ask refused after a place was given back")
	}
}

func TestAskQueueRunsAtMostWorkers(t *testing.T) {
	q := newAskQueue(2, 10)
	var mu sync.Mutex
	running, most := 0, 0
	var wg sync.WaitGroup
	for range 8 {
		tk := q.admit()
		if tk == nil {
			t.Fatal("ask refused")
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := tk.run(context.Background(), func() error {
				mu.Lock()
				running++
				most = max(most, running)
				mu.Unlock()
				time.Sleep(5 * time.Millisecond)
				mu.Lock()
				running--
				mu.Unlock()
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if most != 2 {
		t.Errorf("at most %d answered at once, want 2", most)
	}
	if q.waiting() != 0 {
		t.Errorf("%d places still taken after every ask ran", q.waiting())
	}
}

// TestAskQueueLapses: an ask admitted but never run (its acknowledgement
// failed) gives its place back by itself.
func TestAskQueueLapses(t *testing.T) {
	q := newAskQueue(1, 0)
	q.lapseAfter = 10 * time.Millisecond
	late := q.admit()
	if late == nil || q.admit() != nil {
		t.Fatal("want one place, taken")
	}
	waitFor(t, "the unclaimed place given back", func() bool { return q.waiting() == 0 })
	ran := false
	if err := late.run(context.Background(), func() error { ran = true; return nil }); err != nil || !ran {
		t.Errorf("a lapsed ask: ran %v, error %v; want it answered", ran, err)
	}
	if q.waiting() != 0 {
		t.Errorf("a lapsed ask took %d places back", q.waiting())
	}
}

func TestAskQueueWaitEndsWithContext(t *testing.T) {
	q := newAskQueue(1, 1)
	busy, waiting := q.admit(), q.admit()
	hold := make(chan struct{})
	go busy.run(context.Background(), func() error { <-hold; return nil })
	waitFor(t, "the first ask answering", func() bool { return len(q.workers) == 1 })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err := waiting.run(ctx, func() error { t.Error("answered without a free worker"); return nil })
	if err != context.DeadlineExceeded {
		t.Errorf("got %v, want the context's deadline", err)
	}
	close(hold)
}

// blockingAsker answers once released, counting how many it answers at
// once.
type blockingAsker struct {
	release chan struct{}
	mu      sync.Mutex
	running int
	most    int
	started chan struct{}
}

func (a *blockingAsker) Ask(ctx context.Context, _ string, r answer.Request) (answer.Answer, error) {
	a.mu.Lock()
	a.running++
	a.most = max(a.most, a.running)
	a.mu.Unlock()
	a.started <- struct{}{}
	<-a.release
	a.mu.Lock()
	a.running--
	a.mu.Unlock()
	return answer.Answer{Question: r.Question, Answer: "Answer to " + r.Question,
		Citations: []answer.Citation{{N: 1, Title: "A report", Source: "Wire", URL: "https://example.org/a", Passage: "Text."}}}, nil
}

// TestAskBusyOverHTTP: over the HTTP interactions endpoint, with one
// worker and one place to wait, a third /ask while two are pending is told
// at once that storybot is busy; the two are acknowledged at once and
// answered one after the other; once they are, /ask is admitted again.
func TestAskBusyOverHTTP(t *testing.T) {
	srv := discordtest.New(t)
	deps := newTestDeps(t)
	asker := &blockingAsker{release: make(chan struct{}), started: make(chan struct{}, 10)}
	deps.Asker = asker
	b, endpoint, priv := openHTTPBot(t, srv, Config{AskWorkers: 1, AskQueue: 1}, deps.Deps)
	t.Cleanup(func() { close(asker.release) }) // runs before the bot closes

	ask := func(user int) (sent, string, time.Duration) {
		body, token := srv.Interaction(discordtest.Invocation{Command: "ask", UserID: fmt.Sprint(500000000000000100 + user),
			Options: map[string]any{"question": fmt.Sprintf("question %d", user)}})
		start := time.Now()
		status, out := signedPost(t, endpoint.URL, priv, time.Now(), body)
		took := time.Since(start)
		var r sent
		if err := json.Unmarshal(out, &r); status != 200 || err != nil {
			t.Fatalf("status %d body %s", status, out)
		}
		return r, token, took
	}
	first, t1, took1 := ask(1)
	<-asker.started // the first is being answered, the worker busy
	second, t2, took2 := ask(2)
	third, t3, took3 := ask(3)
	for i, r := range []sent{first, second} {
		if r.Type != 5 {
			t.Errorf("ask %d: response type %d, want 5 (deferred)", i+1, r.Type)
		}
	}
	if third.Type != 4 || third.Data == nil || third.Data.Flags != 64 || !strings.Contains(third.Data.Content, "try again in a moment") {
		t.Errorf("third ask: got %+v, want an ephemeral busy reply", third)
	}
	for i, took := range []time.Duration{took1, took2, took3} {
		if took > 2*time.Second {
			t.Errorf("ask %d acknowledged after %v, want well within Discord's 3 s", i+1, took)
		}
	}
	if len(srv.Edits(t3)) != 0 {
		t.Errorf("the refused ask was edited: %v", srv.Edits(t3))
	}
	asker.release <- struct{}{} // the first is answered; the second starts
	<-asker.started
	asker.release <- struct{}{}
	for i, token := range []string{t1, t2} {
		srv.Wait(t, fmt.Sprintf("the answer to ask %d", i+1), func() bool { return len(srv.Edits(token)) == 1 })
		msg := decodeSent(t, srv.Edits(token)[0])
		if len(msg.Embeds) != 1 || !strings.Contains(msg.Embeds[0].Description, fmt.Sprintf("question %d", i+1)) {
			t.Errorf("ask %d edited to %+v, want its answer", i+1, msg)
		}
	}
	waitFor(t, "the places given back", func() bool { return b.asks.waiting() == 0 })
	if again, _, _ := ask(4); again.Type != 5 {
		t.Errorf("an ask after the queue emptied: type %d, want 5 (deferred)", again.Type)
	}
	<-asker.started
	asker.release <- struct{}{}
	asker.mu.Lock()
	defer asker.mu.Unlock()
	if asker.most != 1 {
		t.Errorf("%d asks answered at once, want 1 (one worker)", asker.most)
	}
}

// waitFor polls cond until it holds, failing t after 10 seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
