package answer

import (
	"regexp"
	"strings"
	"unicode"

	"storybot/question"
)

// Patterns that mark a kind of answer inside a sentence.
var (
	reNumber  = regexp.MustCompile(`\b\d+(?:[.,]\d+)*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand)s?\b`)
	reMoney   = regexp.MustCompile(`[$£€]\s?\d|\b\d+(?:[.,]\d+)*\s?(?:million|billion|trillion|bn|m)?\s?(?:dollars|pounds|euros|cents|pence)\b`)
	rePercent = regexp.MustCompile(`\d\s?(?:%|percent\b|per cent\b)`)
	reDate    = regexp.MustCompile(`(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next (?:week|month|year)|(?:19|20)\d\d)\b`)
)

// hasExpected reports whether sentence s holds an answer of the expected
// kind that the question itself does not already name.
func hasExpected(e question.Expect, s string, qwords map[string]bool) bool {
	switch e {
	case question.ExpectNumber:
		return reNumber.MatchString(s) && !onlyQuestionNumbers(s, qwords)
	case question.ExpectMoney:
		return reMoney.MatchString(s) || rePercent.MatchString(s)
	case question.ExpectPercent:
		return rePercent.MatchString(s)
	case question.ExpectDate:
		return reDate.MatchString(s)
	case question.ExpectPlace:
		return hasPlace(s, qwords)
	case question.ExpectOrg, question.ExpectPerson, question.ExpectEntity:
		return newName(s, qwords)
	}
	return false
}

func onlyQuestionNumbers(s string, qwords map[string]bool) bool {
	for _, m := range reNumber.FindAllString(s, -1) {
		if !qwords[strings.ToLower(m)] {
			return false
		}
	}
	return true
}

// newName reports whether s has a capitalised word, not at the start of the
// sentence, that the question does not contain: a candidate name.
func newName(s string, qwords map[string]bool) bool {
	fields := strings.Fields(s)
	for i, f := range fields {
		if i == 0 {
			continue
		}
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w == "" || !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		prev := fields[i-1]
		if strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, "“") || strings.HasSuffix(prev, "\"") {
			continue // sentence or quote start
		}
		if !qwords[strings.ToLower(w)] && !commonCapitals[w] {
			return true
		}
	}
	return false
}

// commonCapitals are capitalised words that are not answers.
var commonCapitals = map[string]bool{"I": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true,
	"The": true, "CNN": true, "BBC": true, "He": true, "She": true, "It": true, "They": true}
