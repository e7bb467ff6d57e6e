// Package metrics is a small Prometheus registry: counters, a one-label
// counter vector, gauges and fixed-bucket histograms, served in the text
// exposition format 0.0.4. It needs nothing beyond the standard library,
// which is all storybot asks of a metrics client.
package metrics

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// ContentType is the media type of the text exposition format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// collector is one metric family that can write itself.
type collector interface {
	name() string
	write(w io.Writer)
}

// Registry holds metric families and writes them in the order registered.
// It is safe for concurrent use.
type Registry struct {
	mu         sync.Mutex
	collectors []collector
	names      map[string]bool
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{names: make(map[string]bool)}
}

// register adds c, panicking on a duplicate name: that is a programming
// error that would otherwise silently hide a metric.
func (r *Registry) register(c collector) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.names[c.name()] {
		panic(fmt.Sprintf("metrics: %s registered twice", c.name()))
	}
	r.names[c.name()] = true
	r.collectors = append(r.collectors, c)
}

// WriteTo writes every family in the text exposition format.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.Lock()
	cs := append([]collector(nil), r.collectors...)
	r.mu.Unlock()
	cw := &countingWriter{w: bufio.NewWriter(w)}
	for _, c := range cs {
		c.write(cw)
	}
	if cw.err == nil {
		cw.err = cw.w.(*bufio.Writer).Flush()
	}
	return cw.n, cw.err
}

// Handler serves the registry for Prometheus to scrape.
func (r *Registry) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ContentType)
		r.WriteTo(w) // a failed write means the scraper went away
	})
}

// countingWriter remembers the first error so the writers of each family
// need not check every Fprintf.
type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}
