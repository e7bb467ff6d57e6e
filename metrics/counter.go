package metrics

import (
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
	"sync/atomic"
)

// value is a float64 updated atomically.
type value struct{ bits atomic.Uint64 }

func (v *value) add(d float64) {
	for {
		old := v.bits.Load()
		if v.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+d)) {
			return
		}
	}
}

func (v *value) set(f float64) { v.bits.Store(math.Float64bits(f)) }
func (v *value) get() float64  { return math.Float64frombits(v.bits.Load()) }

// Counter is a value that only goes up, such as articles ingested.
type Counter struct {
	fam, help string
	v         value
}

// NewCounter registers a counter; by convention its name ends in _total.
func (r *Registry) NewCounter(name, help string) *Counter {
	c := &Counter{fam: name, help: help}
	r.register(c)
	return c
}

// Inc adds one.
func (c *Counter) Inc() { c.v.add(1) }

// Add adds n, which must not be negative; a negative n is ignored so a
// counter never goes down.
func (c *Counter) Add(n float64) {
	if n > 0 {
		c.v.add(n)
	}
}

// Value returns the current count.
func (c *Counter) Value() float64 { return c.v.get() }

func (c *Counter) name() string { return c.fam }

func (c *Counter) write(w io.Writer) {
	writeHeader(w, c.fam, c.help, "counter")
	fmt.Fprintf(w, "%s %s\n", c.fam, formatValue(c.v.get()))
}

// CounterVec is a family of counters told apart by one label, such as fetch
// errors by source.
type CounterVec struct {
	fam, help, label string
	mu               sync.Mutex
	children         map[string]*Counter
}

// NewCounterVec registers a counter family with one label.
func (r *Registry) NewCounterVec(name, help, label string) *CounterVec {
	v := &CounterVec{fam: name, help: help, label: label, children: make(map[string]*Counter)}
	r.register(v)
	return v
}

// With returns the counter for one label value, creating it at zero.
func (v *CounterVec) With(labelValue string) *Counter {
	v.mu.Lock()
	defer v.mu.Unlock()
	c, ok := v.children[labelValue]
	if !ok {
		c = &Counter{fam: v.fam}
		v.children[labelValue] = c
	}
	return c
}

func (v *CounterVec) name() string { return v.fam }

func (v *CounterVec) write(w io.Writer) {
	v.mu.Lock()
	keys := make([]string, 0, len(v.children))
	for k := range v.children {
		keys = append(keys, k)
	}
	v.mu.Unlock()
	sort.Strings(keys)
	writeHeader(w, v.fam, v.help, "counter")
	for _, k := range keys {
		fmt.Fprintf(w, "%s{%s=\"%s\"} %s\n", v.fam, v.label, escapeLabel(k), formatValue(v.With(k).Value()))
	}
}

// Gauge is a value that goes up and down, such as passages indexed.
type Gauge struct {
	fam, help string
	v         value
}

// NewGauge registers a gauge.
func (r *Registry) NewGauge(name, help string) *Gauge {
	g := &Gauge{fam: name, help: help}
	r.register(g)
	return g
}

// Set sets the value.
func (g *Gauge) Set(f float64) { g.v.set(f) }

// Add adds d, which may be negative.
func (g *Gauge) Add(d float64) { g.v.add(d) }

// Value returns the current value.
func (g *Gauge) Value() float64 { return g.v.get() }

func (g *Gauge) name() string { return g.fam }

func (g *Gauge) write(w io.Writer) {
	writeHeader(w, g.fam, g.help, "gauge")
	fmt.Fprintf(w, "%s %s\n", g.fam, formatValue(g.v.get()))
}
