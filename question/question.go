// Package question works out what a question asks: its kind, the kind of
// answer expected, its key terms and the names and phrases that must stay
// together. It is pure: no I/O.
package question

import (
	"strings"
	"unicode"
)

// Kind is the form of a question.
type Kind string

// Kinds of question.
const (
	KindWho        Kind = "who"
	KindWhatSaid   Kind = "what-said"
	KindHowRespond Kind = "how-respond"
	KindWhen       Kind = "when"
	KindWhere      Kind = "where"
	KindHowMuch    Kind = "how-much"
	KindHowMany    Kind = "how-many"
	KindWhich      Kind = "which"
	KindWhat       Kind = "what"
	KindWhy        Kind = "why"
	KindOther      Kind = "other"
)

// Expect is the kind of answer a question wants.
type Expect string

// Kinds of expected answer.
const (
	ExpectAny     Expect = ""
	ExpectPerson  Expect = "person"
	ExpectOrg     Expect = "org"
	ExpectPlace   Expect = "place"
	ExpectNumber  Expect = "number"
	ExpectMoney   Expect = "money"
	ExpectPercent Expect = "percent"
	ExpectDate    Expect = "date"
	ExpectEntity  Expect = "entity" // a name of some kind: a show, a product, a team
)

// Term is one key word of the question.
type Term struct {
	Word     string   // lower case, as written
	Variants []string // Word and its other spellings
	Name     bool     // capitalised in the question, or part of a name
	Reaction bool     // a reaction word: steers ranking, matched weakly
}

// Question is the analysis of one question.
type Question struct {
	Text     string
	Kind     Kind
	Expect   Expect
	Speech   bool     // the answer is who said what
	Terms    []Term   // key words in question order, without stop words
	Phrases  []string // names and multi-word phrases to keep together
	Pairs    []string // adjacent key words, to prefer passages where they stand close
	Focus    string   // the noun after which/what ("company"), if any
	Subject  string   // for what-said and how-respond: who is asked about
	Source   string   // who the question cites for its facts ("according to X")
	Question string   // the sentence holding the question word
	Recent   bool     // asks about recent events ("this week", "recently", "announced")
}

// Parse analyses q. It never fails: a question of stop words only has no
// Terms, and the caller says what to try.
func Parse(q string) Question {
	text := sanitize(q)
	if !hasLower(text) {
		text = strings.ToLower(text) // typed in capitals: they mark no name or acronym
	}
	clean := joinReactionPhrases(text)
	out := Question{Text: q}
	sent := questionSentence(clean)
	out.Question = sent
	out.Kind, out.Expect, out.Focus = classify(words(sent))
	toks := tokens(clean)
	out.Terms, out.Pairs = keyTerms(splitCompounds(toks))
	addEquivalents(out.Terms, out.Pairs)
	out.Phrases = phrases(clean)
	out.Speech = speechKinds[out.Kind] || reactionAsked(out, words(clean))
	out.Recent = recent(words(clean))
	if out.Kind == KindWhatSaid || out.Kind == KindHowRespond {
		out.Subject = subject(words(sent))
	}
	out.Source = source(q)
	markNames(&out, text)
	return out
}

// sanitize turns query-syntax and typographic characters into plain text:
// + - : ^ " ( ) ~ * ? and the like are words' edges, never operators.
func sanitize(q string) string {
	r := strings.NewReplacer("’", "'", "‘", "'", "“", " ", "”", " ", "\"", " ", "\u00a0", " ")
	q = r.Replace(q)
	var b strings.Builder
	for i, c := range q {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsSpace(c):
			b.WriteRune(c)
		case c == '.' && !wordChar(q, i):
			b.WriteString(" . ")
		case c == '\'' || c == '-' || c == '.' || c == '&' || c == '%' || c == '$' || c == '£' || c == '€':
			if wordChar(q, i) {
				b.WriteRune(c)
			} else {
				b.WriteByte(' ')
			}
		case c == '?' || c == '!':
			b.WriteString(" ? ")

		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// wordChar reports whether the punctuation at i sits inside a word
// ("o'neill", "hewlett-packard", "5.9", "u.s.") or marks an amount ("$5", "60%").
func wordChar(s string, i int) bool {
	prev, next := rune(0), rune(0)
	if i > 0 {
		prev = rune(s[i-1])
	}
	if i+1 < len(s) {
		next = rune(s[i+1])
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r >= 0x80 }
	switch s[i] {
	case '\'':
		return alnum(prev) && alnum(next) || prev == 's' || prev == 'S' // "Chiefs' Council"
	case '%':
		return unicode.IsDigit(prev)
	case '$':
		return unicode.IsDigit(next)
	case '.':
		return alnum(prev) && alnum(next) || (unicode.IsUpper(prev) && i >= 2 && s[i-2] == '.')
	}
	return alnum(prev) && alnum(next)
}

// questionSentence returns the sentence that asks: news-quiz questions often
// set the scene first ("Firefighters rescued 12 hikers… Where did the
// rescue happen?"). A sentence ending in a question mark wins over one that
// merely holds a question word.
func questionSentence(s string) string {
	var asking, withWh, last string
	start := 0
	toks := strings.Fields(s)
	for i, t := range toks {
		if t != "?" && t != "." && i < len(toks)-1 {
			continue
		}
		sent := strings.Join(dropMarks(toks[start:i+1]), " ")
		start = i + 1
		if sent == "" {
			continue
		}
		last = sent
		if hasWh(words(sent)) {
			withWh = sent
			if t == "?" {
				asking = sent
			}
		}
	}
	for _, c := range []string{asking, withWh, last} {
		if c != "" {
			return c
		}
	}
	return s
}

func dropMarks(toks []string) []string {
	out := toks[:0:0]
	for _, t := range toks {
		if t != "?" && t != "." {
			out = append(out, t)
		}
	}
	return out
}

// words returns the words of s in lower case, but for acronyms, which keep
// their capitals so that no word table matches them: "US" is not "us", nor
// "WHO" "who".
func words(s string) []string {
	ws := dropMarks(strings.Fields(s))
	for i, w := range ws {
		if !isAcronym(w) {
			ws[i] = strings.ToLower(w)
		}
	}
	return ws
}

// isAcronym reports whether w, less any possessive, is written in capitals
// and has two letters or more: "US", "WHO's", "U.S.", "IT".
func isAcronym(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// hasLower reports whether s has a lower-case letter: one that has none was
// typed in capitals throughout.
func hasLower(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) >= 0
}

func hasWh(ws []string) bool {
	for _, w := range ws {
		switch strings.TrimSuffix(w, "'s") {
		case "who", "whom", "whose", "which", "what", "when", "where", "why", "how":
			return true
		}
	}
	return false
}

// reactionAsked reports whether a question not phrased as who/what-said still
// asks for reactions ("which green mp criticised…"), as opposed to a factual
// question that happens to use such a word ("which country welcomed the most
// tourists") or uses it in the passive ("which minister was criticised…"
// asks for the one criticised, not for who criticised them).
func reactionAsked(q Question, ws []string) bool {
	switch q.Expect {
	case ExpectAny, ExpectPerson, ExpectOrg:
	case ExpectEntity:
		return q.Kind == KindWhich && subjectReacts(words(q.Question))
	default:
		return false
	}
	for i, w := range ws {
		if isReaction(w) && !(i > 0 && beWords[ws[i-1]]) {
			return true
		}
	}
	return false
}

// subjectReacts reports whether an asking sentence opens with "which" and
// its first verb-like word is a reaction: "which senate democrats
// criticised…" asks who reacted whatever the focus noun, since the
// question's phrase is the verb's subject. An auxiliary first ("which
// film did critics praise") makes it the object, and "which" inside the
// sentence ("…, which officials said…") is a relative clause, not the
// question.
func subjectReacts(ws []string) bool {
	if len(ws) < 3 || ws[0] != "which" {
		return false
	}
	for _, w := range ws[1:] {
		switch {
		case auxWords[w] || beWords[w]:
			return false
		case isReaction(w):
			return true
		}
	}
	return false
}

// beWords are the auxiliaries of the English be- and get-passive: they make
// a following participle passive ("is being criticised").
var beWords = setOf("be", "being", "been", "is", "was", "were", "are", "am", "get", "got", "gets", "getting")

// splitCompounds splits hyphenated words of two or three parts into
// their parts ("candy-flavored", "5.8-magnitude"), so that each part must
// be matched and the parts stand as a pair. Names with a number
// ("vision-2030"), number words ("three-and-a-half") and joined reaction
// phrases ("hit-back") stay whole.
func splitCompounds(toks []string) []string {
	var out []string
	for _, t := range toks {
		if parts := strings.Split(t, "-"); len(parts) > 1 && len(parts) <= 3 && splittable(parts) && !isReaction(strings.ToLower(t)) {
			out = append(out, parts...)
			continue
		}
		out = append(out, t)
	}
	return out
}

// splittable reports whether a compound's parts are words of three letters
// or more, the first of which may be a number.
func splittable(parts []string) bool {
	for i, p := range parts {
		if i == 0 && isDigit(p) {
			continue
		}
		if len(p) < 3 || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}
