package scale

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
)

// Phase is one measured step, run in a process of its own so that its
// memory is its own: its result, the process's memory when it ended, and
// the CPU time (user and system) it used.
type Phase[T any] struct {
	Result     T       `json:"result"`
	Memory     Memory  `json:"memory"`
	CPUSeconds float64 `json:"cpu_seconds"`
}

// Report is a whole scale benchmark.
type Report struct {
	Cores   int               `json:"cores"`
	Load    string            `json:"load_average"` // at the start: 1, 5 and 15 minutes
	Corpus  Corpus            `json:"corpus"`
	Ingest  *Phase[Ingested]  `json:"ingest,omitempty"`
	Size    *Size             `json:"size,omitempty"`
	Reindex *Phase[Reindexed] `json:"reindex,omitempty"`
	Ask     *Phase[Asked]     `json:"ask,omitempty"`
	HTTP    *Phase[AskedHTTP] `json:"http,omitempty"`
}

// NewReport starts the report of a benchmark over c on this machine.
func NewReport(c Corpus) Report {
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			load = strings.Join(f[:3], " ")
		}
	}
	return Report{Cores: runtime.NumCPU(), Load: load, Corpus: c}
}

const mb = 1 << 20

// WriteText prints the report as a table of figures.
func (r Report) WriteText(w io.Writer) {
	text := float64(r.Corpus.TextBytes) / mb
	fmt.Fprintf(w, "machine: %d cores, load average %s at the start\n", r.Cores, r.Load)
	fmt.Fprintf(w, "corpus: %d articles (%d real), %.0f MB of text\n", r.Corpus.Articles, r.Corpus.Real, text)
	if p := r.Ingest; p != nil {
		g := p.Result
		fmt.Fprintf(w, "ingest: %d articles (%d failed), %d passages in %.1f s: %.0f passages/s (%.0f per CPU-second); %s\n",
			g.Articles, g.Failed, g.Passages, g.Seconds, float64(g.Passages)/g.Seconds, float64(g.Passages)/p.CPUSeconds, p.Memory.peaks())
	}
	if s := r.Size; s != nil {
		total := float64(s.Index+s.Store) / mb
		fmt.Fprintf(w, "data folder: %.0f MB (index %.0f MB, store %.0f MB): %.2f× the text\n",
			total, float64(s.Index)/mb, float64(s.Store)/mb, total/text)
	}
	if p := r.Reindex; p != nil {
		g := p.Result
		fmt.Fprintf(w, "reindex: %d passages in %.1f s: %.0f passages/s (%.0f per CPU-second); %s\n",
			g.Passages, g.Seconds, float64(g.Passages)/g.Seconds, float64(g.Passages)/p.CPUSeconds, p.Memory.peaks())
	}
	if p := r.Ask; p != nil {
		a, m := p.Result, p.Memory
		fmt.Fprintf(w, "ask (%d questions, %d answered, in-process): one at a time p50 %.1f ms, p99 %.1f ms, max %.1f ms, CPU %.1f ms an ask; four at a time p50 %.1f ms, p99 %.1f ms, max %.1f ms, CPU %.1f ms an ask\n",
			a.Questions, a.Answered, a.One.P50, a.One.P99, a.One.Max, a.One.CPU, a.Four.P50, a.Four.P99, a.Four.Max, a.Four.CPU)
		fmt.Fprintf(w, "serving memory: %s; at the end RSS %.0f MB (own %.0f MB, Go heap %.0f MB; mapped files %.0f MB)\n",
			m.peaks(), float64(m.RSS)/mb, float64(m.Anon)/mb, float64(m.Heap)/mb, float64(m.File)/mb)
	}
	if p := r.HTTP; p != nil {
		a := p.Result
		fmt.Fprintf(w, "ask over HTTP interactions (%d questions, %d answered, one at a time, signed POST until the edited answer reaches a loopback Discord): p50 %.1f ms, p99 %.1f ms, max %.1f ms, CPU %.1f ms an ask (bot, client and Discord stand-in); acknowledged p50 %.1f ms, p99 %.1f ms; %s\n",
			a.Questions, a.Answered, a.Answer.P50, a.Answer.P99, a.Answer.Max, a.Answer.CPU, a.Ack.P50, a.Ack.P99, p.Memory.peaks())
	}
}

// peaks says how much memory a step held at most.
func (m Memory) peaks() string {
	return fmt.Sprintf("peak RSS %.0f MB (at most %.0f MB its own, %.0f MB of mapped files)", float64(m.Peak)/mb, float64(m.PeakAnon)/mb, float64(m.PeakFile)/mb)
}
