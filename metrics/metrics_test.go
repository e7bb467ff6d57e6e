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

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"
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
	m.FetchErrors.WithLabelValues("reuters").Inc()
	m.FetchErrors.WithLabelValues("bbc").Add(3)
	m.FetchErrors.WithLabelValues(`odd "name"` + "\n" + `back\slash`).Inc()
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
	if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, "text/plain; version=0.0.4") {
		t.Errorf("got Content-Type %q, want the Prometheus text format", got)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	// storybot's own metrics are golden; the runtime's and the process's
	// vary from run to run, so only their presence is checked
	var own bytes.Buffer
	for _, line := range strings.SplitAfter(string(body), "\n") {
		if strings.HasPrefix(line, "storybot_") || strings.HasPrefix(line, "# HELP storybot_") || strings.HasPrefix(line, "# TYPE storybot_") {
			own.WriteString(line)
		}
	}
	golden(t, "storybot.txt", own.Bytes())
	for _, want := range []string{"\ngo_goroutines ", "\ngo_memstats_heap_alloc_bytes ", "\nprocess_resident_memory_bytes ", "\nprocess_open_fds "} {
		if !strings.Contains(string(body), want) {
			t.Errorf("no %q in /metrics", strings.TrimSpace(want))
		}
	}
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
				m.FetchErrors.WithLabelValues(src).Inc()
				m.PassagesIndexed.Add(1)
				m.AskLatency.Observe(0.1)
			}
		}()
		wg.Add(1)
		go func() { // scrapes while others write
			defer wg.Done()
			for range 20 {
				if _, err := m.Registry().Gather(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	total := float64(workers * each)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"articles", testutil.ToFloat64(m.ArticlesIngested), total},
		{"fetch errors a", testutil.ToFloat64(m.FetchErrors.WithLabelValues("a")), total / 2},
		{"fetch errors b", testutil.ToFloat64(m.FetchErrors.WithLabelValues("b")), total / 2},
		{"passages", testutil.ToFloat64(m.PassagesIndexed), total},
		{"ask count", float64(sampleCount(t, m.AskLatency)), total},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func sampleCount(t *testing.T, h prometheus.Histogram) uint64 {
	t.Helper()
	var d dto.Metric
	if err := h.Write(&d); err != nil {
		t.Fatal(err)
	}
	return d.GetHistogram().GetSampleCount()
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
