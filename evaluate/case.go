package evaluate

import (
	"hash/fnv"
	"slices"
	"time"

	"storybot/answer"
)

// Split is the half of a dev set a question belongs to: weights are fitted
// on the tuning half and kept only when the validation half improves too.
type Split string

// The two halves.
const (
	Tuning     Split = "tune"
	Validation Split = "valid"
)

// splitOf puts key (an article) in one half, the same one on
// every run: questions of one week or about one article never straddle the
// halves, so a fit to one story cannot show up as a validation gain.
func splitOf(key string) Split {
	h := fnv.New32a()
	h.Write([]byte(key))
	if h.Sum32()%2 == 0 {
		return Tuning
	}
	return Validation
}

// weekSplits puts a quiz set's weeks in alternate halves, oldest first:
// hashing a few dozen weeks would leave the halves uneven.
func weekSplits(ids []string) map[string]Split {
	var weeks []string
	for _, id := range ids {
		weeks = append(weeks, weekOf(id))
	}
	slices.Sort(weeks)
	out := map[string]Split{}
	for _, w := range slices.Compact(weeks) {
		out[w] = []Split{Tuning, Validation}[len(out)%2]
	}
	return out
}

// Case is one question of a dev set and what a good answer to it holds.
type Case struct {
	Set, ID, Question string
	Split             Split
	AsOf              time.Time       // asked as on this day; zero for none
	Gold              map[string]bool // IDs of the articles that answer it
	Texts             []string        // answers or key quote: one must stand in the first passages
	Speakers          []string        // who should be named; nil when speakers are not judged
}

// Result is the judgement of one answer.
type Result struct {
	Article, Text, Speaker bool
}

// top is how many citations and passages a question is judged on.
const top = 3

// Judge scores an answer to c: a gold article among the first citations, a
// gold text inside their passages, a gold speaker among the speakers.
func Judge(a answer.Answer, c Case) Result {
	var r Result
	for _, ct := range first(a.Citations) {
		r.Article = r.Article || c.Gold[ct.ArticleID]
		for _, t := range c.Texts {
			r.Text = r.Text || containsGold(ct.Passage, t)
		}
	}
	for _, s := range a.Speakers {
		for _, g := range c.Speakers {
			r.Speaker = r.Speaker || speakerMatches(s.Name, g)
		}
	}
	return r
}

func first(cs []answer.Citation) []answer.Citation {
	if len(cs) > top {
		return cs[:top]
	}
	return cs
}

// request is what is asked for c.
func request(c Case) answer.Request {
	return answer.Request{Question: c.Question, AsOf: c.AsOf}
}
