package metrics

import (
	"fmt"
	"io"
	"sort"
	"sync"
	"time"
)

// Histogram counts observations, such as ask latencies, into fixed buckets.
type Histogram struct {
	fam, help string
	bounds    []float64 // sorted upper bounds, without +Inf

	mu     sync.Mutex
	counts []uint64 // per bucket, not cumulative; last is +Inf
	sum    float64
	count  uint64
}

// NewHistogram registers a histogram with the given bucket upper bounds;
// a +Inf bucket is always added.
func (r *Registry) NewHistogram(name, help string, buckets []float64) *Histogram {
	b := append([]float64(nil), buckets...)
	sort.Float64s(b)
	h := &Histogram{fam: name, help: help, bounds: b, counts: make([]uint64, len(b)+1)}
	r.register(h)
	return h
}

// Observe records one value.
func (h *Histogram) Observe(v float64) {
	i := sort.SearchFloat64s(h.bounds, v) // first bound >= v, as le means
	h.mu.Lock()
	h.counts[i]++
	h.sum += v
	h.count++
	h.mu.Unlock()
}

// ObserveSince records the seconds elapsed since start.
func (h *Histogram) ObserveSince(start time.Time) { h.Observe(time.Since(start).Seconds()) }

// Count returns how many values were observed.
func (h *Histogram) Count() uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.count
}

func (h *Histogram) name() string { return h.fam }

func (h *Histogram) write(w io.Writer) {
	h.mu.Lock()
	counts := append([]uint64(nil), h.counts...)
	sum, count := h.sum, h.count
	h.mu.Unlock()

	writeHeader(w, h.fam, h.help, "histogram")
	var cum uint64
	for i, b := range h.bounds {
		cum += counts[i]
		fmt.Fprintf(w, "%s_bucket{le=\"%s\"} %d\n", h.fam, formatValue(b), cum)
	}
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n", h.fam, count)
	fmt.Fprintf(w, "%s_sum %s\n%s_count %d\n", h.fam, formatValue(sum), h.fam, count)
}
