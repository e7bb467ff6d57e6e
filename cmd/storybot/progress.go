package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// bar draws a progress bar on a terminal, at most ten times a second; on
// anything else it draws nothing.
type bar struct {
	w           io.Writer
	label       string
	mu          sync.Mutex
	done, total int
	last        time.Time
	on          bool
}

func newBar(w io.Writer, label string) *bar {
	return &bar{w: w, label: label, on: isTerminal(w)}
}

// Grow adds n to the work to do.
func (b *bar) Grow(n int) {
	b.mu.Lock()
	b.total += n
	b.mu.Unlock()
}

// Done marks n more done.
func (b *bar) Done(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done += n
	if b.on && (time.Since(b.last) > 100*time.Millisecond || b.done == b.total) {
		b.last = time.Now()
		b.draw()
	}
}

// Set sets done and total at once.
func (b *bar) Set(done, total int) {
	b.mu.Lock()
	b.total = total
	b.mu.Unlock()
	b.Done(done - b.done)
}

func (b *bar) draw() {
	const width = 30
	fill := 0
	if b.total > 0 {
		fill = min(width, width*b.done/b.total)
	}
	fmt.Fprintf(b.w, "\r%s [%s%s] %d/%d", b.label, strings.Repeat("=", fill), strings.Repeat(" ", width-fill), b.done, b.total)
}

// Finish ends the bar's line.
func (b *bar) Finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.on && b.total > 0 {
		b.draw()
		fmt.Fprintln(b.w)
	}
}
