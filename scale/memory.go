package scale

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Memory is the process's resident memory, in bytes, as Linux counts it:
// Peak is the most it held at once (VmHWM); of what it holds now (RSS),
// Anon is its own (Go's heap and stacks) and File the pages of mapped files
// (the index's segments, the store) that the kernel can drop and read again.
type Memory struct {
	Peak int64 `json:"peak_rss_bytes"`
	RSS  int64 `json:"rss_bytes"`
	Anon int64 `json:"rss_anon_bytes"`
	File int64 `json:"rss_file_bytes"`
	Heap int64 `json:"go_heap_bytes"` // Go's heap in use
	// PeakAnon and PeakFile are the most of each seen by a Sampler.
	PeakAnon int64 `json:"peak_rss_anon_bytes,omitempty"`
	PeakFile int64 `json:"peak_rss_file_bytes,omitempty"`
}

// ReadMemory reads the process's memory; fields Linux does not report are 0.
func ReadMemory() Memory {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := Memory{Heap: int64(ms.HeapInuse)}
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return m
	}
	fields := map[string]*int64{"VmHWM": &m.Peak, "VmRSS": &m.RSS, "RssAnon": &m.Anon, "RssFile": &m.File}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if p := fields[k]; ok && p != nil {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			*p = kb << 10
		}
	}
	return m
}

// Sampler reads the process's memory every few milliseconds, keeping the
// most of its own memory and of mapped files seen: Linux keeps only the
// peak of their sum.
type Sampler struct {
	stop chan struct{}
	done chan Memory
}

// SampleMemory starts a Sampler.
func SampleMemory() *Sampler {
	s := &Sampler{stop: make(chan struct{}), done: make(chan Memory, 1)}
	go func() {
		var peak Memory
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			m := ReadMemory()
			peak.PeakAnon, peak.PeakFile = max(peak.PeakAnon, m.Anon), max(peak.PeakFile, m.File)
			select {
			case <-s.stop:
				s.done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// Stop ends sampling and returns the process's memory now, with the peaks
// seen.
func (s *Sampler) Stop() Memory {
	close(s.stop)
	peak := <-s.done
	m := ReadMemory()
	m.PeakAnon, m.PeakFile = max(peak.PeakAnon, m.Anon), max(peak.PeakFile, m.File)
	return m
}
