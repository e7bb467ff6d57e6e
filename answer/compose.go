package answer

import (
	"fmt"
	"math"
	"strings"

	"storybot/article"
	"storybot/index"
	"storybot/neardup"
	"storybot/question"
)

const (
	defaultLimit      = 5
	maxPerArticle     = 3 // passages one article may fill while other articles are left
	maxAnswerSentence = 320
)

// compose turns ranked passages into the Answer: citations chosen with
// diversity across articles, near-duplicates dropped, speakers collected,
// and an answer line.
func compose(q question.Question, rs []ranked, limit int, w *Weights) Answer {
	if limit <= 0 {
		limit = defaultLimit
	}
	a := Answer{Question: q.Text, Kind: string(q.Kind), Speakers: []Speaker{}, Citations: []Citation{}}
	for _, t := range q.Terms {
		a.Terms = append(a.Terms, t.Word)
	}
	picked := pick(rs, limit, w, q.Speech && q.Subject == "")
	for i, r := range picked {
		a.Citations = append(a.Citations, citation(i+1, r))
	}
	if q.Speech {
		a.Speakers = speakers(q, picked)
	}
	a.Answer = answerLine(q, picked, a.Speakers)
	return a
}

// pick chooses the citations one at a time: the passage whose score, less
// diversity for each citation its article already has, is best; so a
// second passage of one story stands before another story only when it is
// clearly better, and the first citations show the coverage rather than one
// article. Near-duplicates are skipped, and one article gives at most
// maxPerArticle while others are left. For "who reacted" questions each
// new speaker near the best is worth a citation first (newSpeakers): the
// leading article's at once, other articles' after the first
// maxPerArticle citations, so the story asked about leads the answer and
// the voices of its other coverage follow.
func pick(rs []ranked, limit int, w *Weights, speech bool) []ranked {
	var chosen []ranked
	used := make([]bool, len(rs))
	count := map[string]int{}
	var shingles [][]uint64
	take := func(i int) {
		used[i] = true
		sh := neardup.Shingles(rs[i].hit.Passage.Text)
		if duplicated(sh, shingles) {
			return
		}
		shingles = append(shingles, sh)
		chosen = append(chosen, rs[i])
		count[rs[i].hit.Passage.ArticleID]++
	}
	promote := func(is []int) {
		for _, i := range is {
			if len(chosen) < limit && !used[i] {
				take(i)
			}
		}
	}
	fill := func(n int) {
		for capped := true; len(chosen) < n; {
			best, bestScore := -1, math.Inf(-1)
			for i, r := range rs {
				c := count[r.hit.Passage.ArticleID]
				if used[i] || capped && c >= maxPerArticle {
					continue
				}
				if s := r.score - w.Diversity*float64(c); s > bestScore {
					best, bestScore = i, s
				}
			}
			if best < 0 {
				if !capped {
					return
				}
				capped = false
				continue
			}
			take(best)
		}
	}
	if speech {
		leading, others := newSpeakers(rs, w.SpeakerFloor)
		promote(leading)
		fill(min(limit, maxPerArticle))
		promote(others)
	}
	fill(limit)
	return chosen
}

// newSpeakers returns, best first, the passages that name a speaker no
// better passage names, those of the leading article apart from the
// others': for "who reacted" each reaction is worth a citation, a second
// passage by the same speaker much less, and a reaction need not repeat
// the story's words to belong to it. Only passages scoring near the best
// count, so an off-topic story's speakers stay out. Questions about one
// speaker ("what did X say") do not use it.
func newSpeakers(rs []ranked, floor float64) (leading, others []int) {
	seen := map[string]bool{}
	pass := func(lead bool) []int {
		var out []int
		for i, r := range rs {
			if r.score < floor*rs[0].score {
				break
			}
			if (r.rel >= 1) != lead {
				continue
			}
			fresh := false
			for _, s := range r.hit.Passage.Speakers {
				if k := speakerKey(s); k != "" && !seen[k] {
					seen[k], fresh = true, true
				}
			}
			if fresh {
				out = append(out, i)
			}
		}
		return out
	}
	leading = pass(true)
	return leading, pass(false)
}

// duplicated reports whether a passage says what a chosen one says: the
// same wire copy, or the same quotation, run by two outlets.
func duplicated(sh []uint64, seen [][]uint64) bool {
	for _, s := range seen {
		if neardup.Same(s, sh) {
			return true
		}
	}
	return false
}

func citation(n int, r ranked) Citation {
	p := r.hit.Passage
	c := Citation{N: n, Title: p.Title, Source: p.OutletName(), URL: p.URL, Passage: p.Text,
		ArticleID: p.ArticleID, PassageID: p.ID, Score: r.score, Highlights: highlights(p.Text, r.matched)}
	if !p.Published.IsZero() {
		c.Published = p.Published.Format("2006-01-02")
	}
	return c
}

// highlights returns the words of text whose stems matched the question, as
// written, for bolding.
func highlights(text string, matched []string) []string {
	if len(matched) == 0 {
		return nil
	}
	want := map[string]bool{}
	for _, m := range matched {
		want[m] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range index.JoinRuns(index.Tokens(text), index.Runs(matched)) {
		w := text[t.Start:t.End]
		if want[t.Term] && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// speakers lists who said what in the cited passages, the person asked about
// first, each name once, with their own words where a citation quotes them
// directly rather than only reporting them.
func speakers(q question.Question, picked []ranked) []Speaker {
	out := []Speaker{}
	index := map[string]int{}
	for i, r := range picked {
		for _, s := range r.hit.Passage.Speakers {
			key := speakerKey(s)
			if j, ok := index[key]; ok {
				if len(out[j].Name) < len(s.Name) {
					out[j].Name = s.Name
				}
				if out[j].Kind != article.Direct && s.Kind == article.Direct {
					out[j].Quote, out[j].Kind, out[j].Citation = shorten(s.Quote, 200), s.Kind, i+1
				}
				continue
			}
			index[key] = len(out)
			out = append(out, Speaker{Name: s.Name, Role: s.Role, Quote: shorten(s.Quote, 200), Kind: s.Kind, Citation: i + 1})
		}
	}
	if q.Subject != "" {
		var first, rest []Speaker
		for _, s := range out {
			if nameMatches(s.Name, q.Subject) {
				first = append(first, s)
			} else {
				rest = append(rest, s)
			}
		}
		out = append(first, rest...)
	}
	return out
}

// speakerKey folds "Theresa May" and "Mrs May" into one speaker: the last
// word of the name, lower case.
func speakerKey(s article.Speaker) string {
	f := strings.Fields(strings.ToLower(s.Name))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,'’")
}

func answerLine(q question.Question, picked []ranked, sp []Speaker) string {
	if len(picked) == 0 {
		return ""
	}
	if len(sp) > 0 {
		if q.Subject != "" && nameMatches(sp[0].Name, q.Subject) {
			return fmt.Sprintf("%s said: “%s” [%d]", sp[0].Name, strings.Trim(sp[0].Quote, "“”\""), sp[0].Citation)
		}
		var names []string
		for i, s := range sp {
			if i == 6 {
				break
			}
			names = append(names, fmt.Sprintf("%s [%d]", s.Name, s.Citation))
		}
		return joinNames(names) + "."
	}
	return shorten(picked[0].best, maxAnswerSentence) + " [1]"
}

func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// shorten cuts s to at most n bytes at a word boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
