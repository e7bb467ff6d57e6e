package answer

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"storybot/article"
	"storybot/index"
	"storybot/question"
)

const (
	defaultLimit      = 5
	perArticle        = 2   // passages one article may fill among the citations
	perArticleLead    = 3   // the same for a story that leads clearly
	dominantMargin    = 1.5 // score lead of a story's best passage over the next story's
	nearDuplicate     = 0.6 // word-shingle overlap above which two passages are one
	maxAnswerSentence = 320
)

// compose turns ranked passages into the Answer: near-duplicates dropped,
// passages of one article grouped together, speakers collected, and an
// answer line.
func compose(q question.Question, rs []ranked, limit int) Answer {
	if limit <= 0 {
		limit = defaultLimit
	}
	a := Answer{Question: q.Text, Kind: string(q.Kind), Speakers: []Speaker{}, Citations: []Citation{}}
	for _, t := range q.Terms {
		a.Terms = append(a.Terms, t.Word)
	}
	picked := pick(rs, limit, articleCap(q, rs), q.Speech && q.Subject == "")
	for i, r := range picked {
		a.Citations = append(a.Citations, citation(i+1, r))
	}
	if q.Speech {
		a.Speakers = speakers(q, picked)
	}
	a.Answer = answerLine(q, picked, a.Speakers)
	return a
}

// articleCap is how many citations one article may take while others are
// left. A story reporting reactions usually reports several, and a story
// that alone answers a factual question often holds the answer below its
// lede, so the leading story may give three when it leads clearly: its
// best passage outscores every other story's by dominantMargin.
func articleCap(q question.Question, rs []ranked) int {
	if len(rs) == 0 {
		return perArticle
	}
	lead := rs[0].hit.Passage.ArticleID
	for _, r := range rs[1:] {
		if r.hit.Passage.ArticleID != lead {
			if rs[0].score-r.score < dominantMargin {
				return perArticle
			}
			break
		}
	}
	return perArticleLead
}

// pick chooses the citations: best first, at most perArticle passages of
// one article while others are left, near-duplicates skipped; then the
// passages of one article are put together, in the order of each
// article's best passage. Passages an article gives beyond perArticle (for
// a new speaker), and passages far below the next article's best, follow
// the others: grouping must not push a better story's best passage out of
// the first citations.
func pick(rs []ranked, limit, perArticle int, speech bool) []ranked {
	var chosen []ranked
	used := make([]bool, len(rs))
	count := map[string]int{}
	var shingles []map[string]bool
	take := func(i int) {
		used[i] = true
		sh := shingleSet(rs[i].hit.Passage.Text)
		if duplicated(sh, shingles) {
			return
		}
		shingles = append(shingles, sh)
		chosen = append(chosen, rs[i])
		count[rs[i].hit.Passage.ArticleID]++
	}
	if speech {
		for _, i := range newSpeakers(rs) {
			if len(chosen) < limit && !used[i] {
				take(i)
			}
		}
	}
	fill := func(capped bool) {
		for i := range rs {
			if len(chosen) >= limit {
				return
			}
			if !used[i] && !(capped && count[rs[i].hit.Passage.ArticleID] >= perArticle) {
				take(i)
			}
		}
	}
	fill(true)
	fill(false)
	return groupByArticle(chosen, perArticle)
}

// speakerFloor is the share of the best passage's score a passage needs for
// its new speaker to earn it a citation.
const speakerFloor = 0.8

// newSpeakers returns, best first, the passages that name a speaker no
// better passage names: for "who reacted" each reaction is worth a
// citation, a second passage by the same speaker much less, and a
// reaction need not repeat the story's words to belong to it. Only
// passages scoring near the best count, so an off-topic story's speakers
// stay out. Questions about one speaker ("what did X say") do not use it.
func newSpeakers(rs []ranked) []int {
	var out []int
	seen := map[string]bool{}
	for i, r := range rs {
		if r.score < speakerFloor*rs[0].score {
			break
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
func duplicated(sh map[string]bool, seen []map[string]bool) bool {
	for _, s := range seen {
		if jaccard(s, sh) > nearDuplicate {
			return true
		}
	}
	return false
}

func groupByArticle(rs []ranked, perArticle int) []ranked {
	order := map[string]int{}
	seen := map[string]int{}
	var head, tail []ranked
	for _, r := range rs {
		id := r.hit.Passage.ArticleID
		if _, ok := order[id]; !ok {
			order[id] = len(order)
		}
		if seen[id]++; seen[id] > perArticle {
			tail = append(tail, r)
		} else {
			head = append(head, r)
		}
	}
	sort.SliceStable(head, func(i, j int) bool {
		return order[head[i].hit.Passage.ArticleID] < order[head[j].hit.Passage.ArticleID]
	})
	head, late := splitWeak(head)
	return append(append(head, late...), tail...)
}

// splitWeak takes out of grouped passages each one that is not its
// article's best and that the next article's best outscores by
// dominantMargin: a story's weak second passage must not stand before a
// clearly better story.
func splitWeak(grouped []ranked) (kept, late []ranked) {
	best := map[string]float64{}
	for _, r := range grouped {
		if _, ok := best[r.hit.Passage.ArticleID]; !ok {
			best[r.hit.Passage.ArticleID] = r.score
		}
	}
	for i, r := range grouped {
		id := r.hit.Passage.ArticleID
		if r.score < best[id] && r.score < nextBest(grouped[i:], id, best)-dominantMargin {
			late = append(late, r)
			continue
		}
		kept = append(kept, r)
	}
	return kept, late
}

// nextBest is the best score of the first article after id in rs, or -Inf
// when there is none.
func nextBest(rs []ranked, id string, best map[string]float64) float64 {
	for _, r := range rs {
		if r.hit.Passage.ArticleID != id {
			return best[r.hit.Passage.ArticleID]
		}
	}
	return math.Inf(-1)
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
	for _, t := range index.JoinRuns(analyzeText(text), index.Runs(matched)) {
		w := text[t.Start:t.End]
		if want[t.Term] && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// speakers lists who said what in the cited passages, the person asked about
// first, each name once.
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
				continue
			}
			index[key] = len(out)
			out = append(out, Speaker{Name: s.Name, Role: s.Role, Quote: shorten(s.Quote, 200), Citation: i + 1})
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

func shingleSet(text string) map[string]bool {
	ws := strings.Fields(strings.ToLower(text))
	m := map[string]bool{}
	for i := 0; i+3 <= len(ws); i++ {
		m[strings.Join(ws[i:i+3], " ")] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
