package question

import (
	"strings"
	"unicode"
)

// tokens splits sanitized text into words, case kept, "?" dropped.
func tokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if f != "?" && f != "." {
			out = append(out, f)
		}
	}
	return out
}

// keyTerms keeps the words that carry the topic, and pairs the key words
// that stand next to each other in the question.
func keyTerms(toks []string) ([]Term, []string) {
	var terms []Term
	var pairs []string
	seen := map[string]bool{}
	prev := ""
	for _, tok := range toks {
		w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(tok, "'s"), "'"))
		w = strings.Trim(w, ".-'")
		if w == "" || isStop(tok) || len(w) < 2 && !isDigit(w) {
			prev = ""
			continue
		}
		if isReaction(w) {
			if !seen[w] {
				terms = append(terms, Term{Word: w, Variants: Variants(w), Reaction: true})
				seen[w] = true
			}
			prev = ""
			continue
		}
		if prev != "" {
			pairs = appendNew(pairs, prev+" "+w)
		}
		prev = w
		if strings.HasSuffix(tok, "'s") {
			prev = "" // "baxter's pension": a possessive ends the name
		}
		if !seen[w] {
			terms = append(terms, Term{Word: w, Variants: Variants(w)})
			seen[w] = true
		}
	}
	return terms, pairs
}

// phrases returns runs of two or more capitalised words ("Theresa May",
// "National Police Chiefs' Council"), which name one thing.
func phrases(s string) []string {
	var out []string
	var run []string
	flush := func() {
		for len(run) > 0 && connector[strings.ToLower(run[len(run)-1])] {
			run = run[:len(run)-1]
		}
		if len(run) >= 2 {
			out = appendNew(out, strings.Join(run, " "))
		}
		run = nil
	}
	for _, tok := range tokens(s) {
		w := strings.TrimSuffix(tok, "'s")
		lw := strings.ToLower(w)
		switch {
		case capitalised(w) && !(len(run) == 0 && isStop(w)):
			run = append(run, w)
			if w != tok {
				flush()
			}
		case len(run) > 0 && connector[lw]:
			run = append(run, w)
		default:
			flush()
		}
	}
	flush()
	return out
}

// isStop reports whether tok is a stop word. An acronym never is: "US"
// and "IT" name things, "us" and "it" do not.
func isStop(tok string) bool {
	w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(tok, "'s"), "'"))
	return stopWords[strings.Trim(w, ".-'")] && !isAcronym(tok)
}

// connector are the words that join the parts of one name: "Bank of
// England", "Ludwig van Beethoven".
var connector = setOf("of", "for", "de", "von", "van", "&")

func capitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r) || unicode.IsDigit(r) && strings.ContainsAny(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	}
	return false
}

// markNames flags the terms written with a capital inside a sentence of
// text, the sanitized question, or inside a phrase, as names.
func markNames(q *Question, text string) {
	inPhrase := map[string]bool{}
	for _, p := range q.Phrases {
		for _, w := range strings.Fields(strings.ToLower(p)) {
			inPhrase[w] = true
		}
	}
	caps := map[string]bool{}
	toks := tokens(text)
	for i, tok := range toks {
		if i > 0 && capitalised(tok) && !strings.HasSuffix(toks[i-1], ".") {
			caps[strings.ToLower(strings.TrimSuffix(tok, "'s"))] = true
		}
	}
	for i := range q.Terms {
		if inPhrase[q.Terms[i].Word] || caps[q.Terms[i].Word] {
			q.Terms[i].Name = true
		}
	}
}

func isDigit(w string) bool { return w != "" && unicode.IsDigit(rune(w[0])) }

func appendNew(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}
