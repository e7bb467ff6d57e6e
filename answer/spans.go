package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"storybot/index"
	"storybot/question"
)

// span is a stretch of words that could be the answer: a name, a number,
// a date or a place the question does not already give.
type span struct {
	key      string // lower case, for counting one answer across passages
	from, to int    // positions of its first and last word
	start    int    // byte offset of its first word
}

// spotter finds the answers of the kind a question expects.
type spotter struct {
	expect question.Expect
	qwords map[string]bool
	places bool // only countries and US states will do
}

func newSpotter(q question.Question) spotter {
	return spotter{expect: q.Expect, qwords: questionWords(q), places: q.Expect == question.ExpectPlace && placeFocus[q.Focus]}
}

// placeFocus are the nouns of "which country", "which state": their answer
// is in the gazetteer of places.go.
var placeFocus = map[string]bool{"country": true, "countries": true, "nation": true, "nations": true, "state": true, "states": true}

// spans returns the candidate answers among ws, the words of a passage
// published by outlet; sentenceStart reports whether a word opens a
// sentence.
func (s spotter) spans(ws []index.Word, text, outlet string, sentenceStart func(int) bool) []span {
	own := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(outlet)) {
		own[w] = true
	}
	var out []span
	for i := 0; i < len(ws); i++ {
		if s.numeric() {
			if isNumberWord(ws[i].Text) && s.numberFits(ws[i].Text) && !s.qwords[strings.ToLower(ws[i].Text)] {
				out = append(out, span{key: strings.ToLower(ws[i].Text), from: ws[i].Position, to: ws[i].Position, start: ws[i].Start})
			}
			continue
		}
		j := nameEnd(ws, i, text)
		if j == i {
			continue
		}
		if sp, ok := s.name(ws[i:j], own, sentenceStart(ws[i].Start)); ok {
			out = append(out, sp)
		}
		i = j - 1
	}
	return out
}

func (s spotter) numeric() bool {
	switch s.expect {
	case question.ExpectNumber, question.ExpectMoney, question.ExpectPercent, question.ExpectDate:
		return true
	}
	return false
}

// numberFits reports whether a number or date word suits the answer kind.
func (s spotter) numberFits(w string) bool {
	if s.expect == question.ExpectDate {
		return isYear(w) || calendar[strings.ToLower(w)]
	}
	return !calendar[strings.ToLower(w)]
}

// name returns the span of a run of capitalised words when it could be an
// answer: not all given by the question, not the outlet naming itself, not
// a calendar word, and not a lone ordinary word opening a sentence.
func (s spotter) name(run []index.Word, own map[string]bool, opensSentence bool) (span, bool) {
	for len(run) > 0 && (titleWords[strings.TrimSuffix(run[0].Text, ".")] || commonCapitals[run[0].Text]) {
		run = run[1:]
	}
	if len(run) == 0 {
		return span{}, false
	}
	var keys []string
	fresh := false
	for _, w := range run {
		l := strings.ToLower(possessiveless(w.Text))
		keys = append(keys, l)
		if !s.qwords[l] && !own[l] && !calendar[l] {
			fresh = true
		}
	}
	if !fresh || len(run) == 1 && opensSentence && index.Stem(run[0].Text) == "" {
		return span{}, false
	}
	if s.places && !places[placeName(run)] {
		return span{}, false
	}
	return span{key: strings.Join(keys, " "), from: run[0].Position, to: run[len(run)-1].Position, start: run[0].Start}, true
}

// nameEnd returns the end of the run of capitalised words starting at
// ws[i] ("Los Angeles Rams", "Bank of England"), i when ws[i] is not
// capitalised. A run stops at punctuation between two words.
func nameEnd(ws []index.Word, i int, text string) int {
	j := i
	for j < len(ws) && capitalised(ws[j].Text) {
		if j > i && strings.TrimSpace(text[ws[j-1].End:ws[j].Start]) != "" {
			break
		}
		j++
		if j+1 < len(ws) && nameJoiners[ws[j].Text] && capitalised(ws[j+1].Text) &&
			strings.TrimSpace(text[ws[j-1].End:ws[j+1].Start]) == ws[j].Text {
			j++
		}
	}
	return j
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// placeName is a run of words as the gazetteer writes a place.
func placeName(run []index.Word) string {
	ws := make([]string, len(run))
	for i, w := range run {
		ws[i] = possessiveless(w.Text)
	}
	return strings.Join(ws, " ")
}

// commonCapitals are capitalised words that are never answers: the
// pronoun I, honorifics, and pronouns and the article opening a clause.
var commonCapitals = map[string]bool{"I": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true,
	"The": true, "He": true, "She": true, "It": true, "They": true}

func possessiveless(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

func isNumberWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r) || numberWords[strings.ToLower(w)] || calendar[strings.ToLower(w)]
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// nameJoiners may stand inside a name between capitalised words.
var nameJoiners = map[string]bool{"of": true, "de": true, "and": true, "for": true}

// titleWords precede a name without being part of it (English
// honorifics and the abbreviated titles of news style).
var titleWords = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Sen": true, "Rep": true,
	"Gov": true, "Gen": true, "Lt": true, "Col": true, "Sgt": true, "Prof": true, "St": true}

// calendar words are capitalised but name no one and nothing.
var calendar = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true}

// numberWords are the English number words a count may be written in.
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"dozen": true, "dozens": true, "hundred": true, "hundreds": true, "thousand": true, "thousands": true,
	"million": true, "millions": true, "billion": true}
