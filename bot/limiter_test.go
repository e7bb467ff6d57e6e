package bot

import (
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	t0 := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	type call struct {
		user     string
		at       time.Duration
		wantOK   bool
		wantWait time.Duration
	}
	tests := []struct {
		name  string
		calls []call
	}{
		{"under the limit", []call{{"a", 0, true, 0}, {"a", time.Second, true, 0}}},
		{"third in a minute refused", []call{{"a", 0, true, 0}, {"a", 10 * time.Second, true, 0}, {"a", 20 * time.Second, false, 40 * time.Second}}},
		{"window slides", []call{{"a", 0, true, 0}, {"a", 10 * time.Second, true, 0}, {"a", 60 * time.Second, true, 0}, {"a", 65 * time.Second, false, 5 * time.Second}}},
		{"users are separate", []call{{"a", 0, true, 0}, {"a", 0, true, 0}, {"b", 0, true, 0}, {"a", 0, false, time.Minute}}},
		{"refusals do not count", []call{{"a", 0, true, 0}, {"a", 0, true, 0}, {"a", 30 * time.Second, false, 30 * time.Second}, {"a", 61 * time.Second, true, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLimiter(2, time.Minute)
			for i, c := range tt.calls {
				ok, wait := l.allow(c.user, t0.Add(c.at))
				if ok != c.wantOK || wait != c.wantWait {
					t.Errorf("call %d: got %v %v, want %v %v", i, ok, wait, c.wantOK, c.wantWait)
				}
			}
		})
	}
}
