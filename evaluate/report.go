package evaluate

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Report holds the figures of both dev sets.
type Report struct {
	Who  SetReport
	Quiz SetReport
	Took time.Duration // asking all questions, corpus building excluded
}

// SetReport holds one set's shares of questions that pass each check, and
// the questions that failed one.
type SetReport struct {
	Name     string
	N        int
	Article  float64 // gold article among the first citations
	Text     float64 // gold phrase or answer inside the first passages
	Speaker  float64 // a gold speaker among the speakers; -1 when not judged
	Misses   []Miss
	articles int
	texts    int
	speakers int
}

// Miss is one question that failed at least one check.
type Miss struct {
	ID, Question string
	Failed       []string // "article", "text", "speaker"
	Got          string   // what came back, briefly
}

// Result is the judgement of one answer.
type Result struct {
	Article, Text, Speaker bool
}

func (s *SetReport) add(id, question string, r Result, judgeSpeaker bool, got string) {
	s.N++
	var failed []string
	count := func(ok bool, n *int, name string) {
		if ok {
			*n++
		} else {
			failed = append(failed, name)
		}
	}
	count(r.Article, &s.articles, "article")
	count(r.Text, &s.texts, "text")
	if judgeSpeaker {
		count(r.Speaker, &s.speakers, "speaker")
	}
	if len(failed) > 0 {
		s.Misses = append(s.Misses, Miss{ID: id, Question: question, Failed: failed, Got: got})
	}
}

func (s *SetReport) finish(judgeSpeaker bool) {
	if s.N == 0 {
		return
	}
	n := float64(s.N)
	s.Article, s.Text = float64(s.articles)/n, float64(s.texts)/n
	s.Speaker = -1
	if judgeSpeaker {
		s.Speaker = float64(s.speakers) / n
	}
}

// Write prints the table of figures.
func (r Report) Write(w io.Writer) {
	fmt.Fprintf(w, "%-16s %4s %12s %12s %12s\n", "set", "n", "article@3", "text@3", "speaker")
	for _, s := range []SetReport{r.Who, r.Quiz} {
		sp := "-"
		if s.Speaker >= 0 {
			sp = fmt.Sprintf("%.3f", s.Speaker)
		}
		fmt.Fprintf(w, "%-16s %4d %12.3f %12.3f %12s\n", s.Name, s.N, s.Article, s.Text, sp)
	}
	fmt.Fprintf(w, "asked %d questions in %s\n", r.Who.N+r.Quiz.N, r.Took.Round(time.Millisecond))
}

// WriteMisses prints each question that failed a check.
func (r Report) WriteMisses(w io.Writer) {
	for _, s := range []SetReport{r.Who, r.Quiz} {
		for _, m := range s.Misses {
			fmt.Fprintf(w, "%s %s [%s] %q\n    got: %s\n", s.Name, m.ID, strings.Join(m.Failed, ","), m.Question, m.Got)
		}
	}
}
