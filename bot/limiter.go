package bot

import (
	"sync"
	"time"
)

// limiter allows each user n calls in any window of length per.
type limiter struct {
	mu   sync.Mutex
	n    int
	per  time.Duration
	hits map[string][]time.Time
}

func newLimiter(n int, per time.Duration) *limiter {
	return &limiter{n: n, per: per, hits: map[string][]time.Time{}}
}

// allow records a call by user at now if the user is under the limit; when
// not, it returns false and how long until the next call is allowed.
func (l *limiter) allow(user string, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.hits) > 10000 {
		l.prune(now)
	}
	recent := l.hits[user][:0]
	for _, t := range l.hits[user] {
		if now.Sub(t) < l.per {
			recent = append(recent, t)
		}
	}
	if len(recent) >= l.n {
		l.hits[user] = recent
		return false, recent[0].Add(l.per).Sub(now)
	}
	l.hits[user] = append(recent, now)
	return true, 0
}

// prune forgets users with no call inside the window.
func (l *limiter) prune(now time.Time) {
	for u, ts := range l.hits {
		if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= l.per {
			delete(l.hits, u)
		}
	}
}
