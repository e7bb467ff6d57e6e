package answer

import (
	"strings"

	"storybot/article"
	"storybot/question"
)

// lede marks, for factual questions, an article's opening passages: news is
// written top down, and the lede says who, what, where and when. Reactions
// come later, so questions about speech get nothing, unless all that makes
// one about speech is its "who" (no reaction or reporting word): "who was
// named chief executive" wants the lede's name.
func lede(q question.Question, position int) float64 {
	if q.Speech && !plainWho(q) {
		return 0
	}
	switch position {
	case 0:
		return 1
	case 1:
		return 0.5
	}
	return 0
}

// plainWho reports whether q asks "who" with no reaction or reporting
// word: it may want a quotation or a name from the facts.
func plainWho(q question.Question) bool {
	if q.Kind != question.KindWho {
		return false
	}
	for _, t := range q.Terms {
		if t.Reaction {
			return false
		}
	}
	return true
}

// speech returns, for questions about who said what, whether the passage
// reports anyone's words, whether it quotes them directly, and whether the
// one asked about (by name or role: "the japanese fa" is its spokeswoman) is
// among the speakers.
func speech(q question.Question, p article.Passage) (said, quoted, subject float64) {
	if !q.Speech || len(p.Speakers) == 0 {
		return 0, 0, 0
	}
	for _, sp := range p.Speakers {
		if q.Subject != "" && nameMatches(sp.Name+" "+sp.Role, q.Subject) {
			subject = 1
		}
	}
	return 1, b2f(hasQuotation(p.Text)), subject
}

// source reports whether the one a question cites speaks in the passage:
// "according to the Met Office, how soon …" is answered where the Met
// Office is quoted.
func source(q question.Question, p article.Passage) float64 {
	if q.Source == "" {
		return 0
	}
	for _, sp := range p.Speakers {
		if nameMatches(sp.Name+" "+sp.Role, q.Source) {
			return 1
		}
	}
	return 0
}

// hasQuotation reports whether text quotes someone's words: a run of at
// least three words between quotation marks, straight or curly.
func hasQuotation(text string) bool {
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}} {
		rest := text
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(pair[0]):]
			j := strings.Index(rest, pair[1])
			if j < 0 {
				break
			}
			if len(strings.Fields(rest[:j])) >= 3 {
				return true
			}
			rest = rest[j+len(pair[1]):]
		}
	}
	return false
}

// nameMatches reports whether a speaker's name and a name asked about share a
// word of four letters or more ("Ryanair" and "ryanair", "Lindqvist" and
// "greta lindqvist"), or one such word begins the other and both have five
// letters or more ("Japan" and "japanese"), or a shorter word is the
// speaker's acronym ("ITV" and "itv"); possessives are dropped
// ("petrescu's lawyer").
func nameMatches(name, asked string) bool {
	for _, a := range strings.Fields(strings.ToLower(asked)) {
		a = nameWord(a)
		if len(a) < 2 {
			continue
		}
		for _, orig := range strings.Fields(name) {
			n := strings.ToLower(nameWord(orig))
			if len(a) < 4 && !(n == a && isAcronym(nameWord(orig))) {
				continue // short words match only an acronym: "itv" and "ITV"
			}
			if n == a || len(n) >= 5 && len(a) >= 5 && (strings.HasPrefix(a, n) || strings.HasPrefix(n, a)) {
				return true
			}
		}
	}
	return false
}

// isAcronym reports whether w is written in capitals: "ITV", "RAF", "ACLU".
func isAcronym(w string) bool {
	return len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

func nameWord(w string) string {
	w = strings.Trim(w, "'’.,;:()\"“”")
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}
