package metrics

import (
	"bytes"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestStorybotExposition(t *testing.T) {
	m := NewStorybot()
	m.ArticlesIngested.Add(42)
	m.FetchErrors.With("reuters").Inc()
	m.FetchErrors.With("bbc").Add(3)
	m.FetchErrors.With(`odd "name"` + "\n" + `back\slash`).Inc()
	m.PassagesIndexed.Set(12345)
	for _, v := range []float64{0.003, 0.01, 0.2, 0.7, 4, 30} {
		m.AskLatency.Observe(v)
	}
	m.DigestsPosted.Inc()
	m.ReindexDuration.Observe(12.5)

	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if got := resp.Header.Get("Content-Type"); got != ContentType {
		t.Errorf("got Content-Type %q, want %q", got, ContentType)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "storybot.txt", body)
}

func TestHistogramBuckets(t *testing.T) {
	r := NewRegistry()
	h := r.NewHistogram("h", "test", []float64{1, 0.5, 2}) // unsorted on purpose
	for _, v := range []float64{0.5, 0.6, 1, 3} {
		h.Observe(v)
	}
	var buf bytes.Buffer
	r.WriteTo(&buf)
	for _, want := range []string{
		`h_bucket{le="0.5"} 1`, // le is inclusive
		`h_bucket{le="1"} 3`,
		`h_bucket{le="2"} 3`,
		`h_bucket{le="+Inf"} 4`,
		`h_sum 5.1`,
		`h_count 4`,
	} {
		if !strings.Contains(buf.String(), want+"\n") {
			t.Errorf("got:\n%s\nwant a line %q", buf.String(), want)
		}
	}
}

func TestCounterNeverDecreases(t *testing.T) {
	r := NewRegistry()
	c := r.NewCounter("c_total", "test")
	c.Add(2)
	c.Add(-5)
	if got := c.Value(); got != 2 {
		t.Errorf("got %v, want 2", got)
	}
}

func TestDuplicateNamePanics(t *testing.T) {
	r := NewRegistry()
	r.NewGauge("g", "test")
	defer func() {
		if recover() == nil {
			t.Error("got no panic registering g twice, want one")
		}
	}()
	r.NewCounter("g", "test")
}

func TestConcurrentUpdates(t *testing.T) {
	m := NewStorybot()
	const workers, each = 8, 1000
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := []string{"a", "b"}[w%2]
			for range each {
				m.ArticlesIngested.Inc()
				m.FetchErrors.With(src).Inc()
				m.PassagesIndexed.Add(1)
				m.AskLatency.Observe(0.1)
			}
		}()
		wg.Add(1)
		go func() { // scrapes while others write
			defer wg.Done()
			for range 20 {
				m.registry.WriteTo(io.Discard)
			}
		}()
	}
	wg.Wait()
	total := float64(workers * each)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"articles", m.ArticlesIngested.Value(), total},
		{"fetch errors a", m.FetchErrors.With("a").Value(), total / 2},
		{"fetch errors b", m.FetchErrors.With("b").Value(), total / 2},
		{"passages", m.PassagesIndexed.Value(), total},
		{"ask count", float64(m.AskLatency.Count()), total},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestHealthHandlers(t *testing.T) {
	ready, reason := false, "index not open"
	healthz, readyz := HealthHandlers(func() (bool, string) { return ready, reason })
	tests := []struct {
		name     string
		h        http.Handler
		ready    bool
		reason   string
		wantCode int
		wantBody string
	}{
		{"healthz while not ready", healthz, false, "index not open", 200, "ok\n"},
		{"readyz not ready", readyz, false, "index not open", 503, "index not open\n"},
		{"readyz no reason", readyz, false, "", 503, "not ready\n"},
		{"readyz ready", readyz, true, "", 200, "ready\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ready, reason = tt.ready, tt.reason
			rec := httptest.NewRecorder()
			tt.h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
			if rec.Code != tt.wantCode || rec.Body.String() != tt.wantBody {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Body.String(), tt.wantCode, tt.wantBody)
			}
		})
	}
}
