package extract

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"storybot/article"
)

// boilerLine matches whole lines that are page furniture whatever their
// length: labels, calls to action, credits and legal notices. The lines
// that end in a notice or credit after a few words of anything are
// boilerTails'.
var boilerLine = regexp.MustCompile(`(?i)^(` + strings.Join([]string{
	`advertisement|advertising|sponsored( content)?|ad feature|promoted( content)?`,
	`(story|article) continues below( this)?( advertisement| ad)?|continue reading( below| the main story)?`,
	`read (more|next|the full story|full article|this next)\b.*`,
	`(related|more)( articles| stories| coverage| content| on this story| news| reading)?:?`,
	`(related|recommended|most read|most popular|trending|more from|more on|see also|also read|watch|listen)( now)?:.*`,
	`share( this| the)?( article| story| page| post| video)?( on \w+)?:?|share (on|via) \w+|tweet|email|print|copy link|comments?( \(\d+\))?`,
	`(published|updated|posted|last updated|first published|last modified)( on| at)?:? .{0,80}`,
	`join the (conversation|discussion|debate)\W*|(show|view|load|hide) comments.*|\d+ comments?`,
	`(additional )?(reporting|writing|editing|compiled|produced) by [^.]{0,200}\.?`,
	`https?://\S+|www\.\S+|subscribe( now| today)?\W*`,
	`don'?t miss|must read|editor'?s picks?|top stories|latest( news| stories)?|more (news|stories|videos)|you may also like|recommended( for you)?|in other news`,
	`(font|text) size:?|listen to (this )?(article|story)|\d+ min(ute)?s? read|skip (to|this) .*|back to top`,
	`(image|media|video|picture|photo) (copyright|caption|source|credit)\b.*`,
	`(photo(graph)?|image|picture|illustration|video|credits?|source|caption)s?( by)?\s?:.{0,80}`,
	`cr[ée]dits? (photo|image)s?\s?:.{0,80}`,
	`(sign up|subscribe|register)( now)?( for| to)? .{0,40}(newsletter|briefing|digest|updates|alerts|emails?)\b.{0,60}`,
	`(get|receive) (our|the) .{0,40}(newsletter|briefing|updates|alerts) .{0,60}`,
	`follow (us|@\w+|(\p{Lu}[\p{L}.'’-]*\s*){1,4}) on (twitter|x|facebook|instagram|threads|linkedin|tiktok|bluesky|youtube|google news)\b.{0,40}`,
	`the post .{0,200} appeared first on .{0,100}`,
	`send (news |story )?tips to\b.*`,
	`content created by .{0,80} is available without charge.*`,
	`(©|\(c\)|copyright\b).{0,160}`,
	`this (material|article) may not be published, broadcast, rewritten.*`,
	`(click|tap) here\b.{0,80}|download (the|our) .{0,40} app\b.*|we use cookies\b.*`,
	`getty images`,
}, "|") + `)$`)

// boilerTails are the furniture lines that end in a notice or credit
// after up to max runes of anything: a line is one when tail matches its
// end starting within its first max runes, as (?i)^.{0,max}tail$ would.
// Written that way, those few forms kept hundreds of regexp threads alive
// along every line, and took most of ingest's time in this filter; a tail
// is looked for among a line's last few runes instead.
var boilerTails = []boilerTail{
	newBoilerTail(`\b(contributed|also contributed) (reporting )?to this (report|story|article)\.?$`, 250),
	newBoilerTail(`all rights reserved\.?$`, 120),
	newBoilerTail(`. (logo|icon)$`, 59), // a name of one to 60 runes, then " logo"
	newBoilerTail(`(\bvia |/)\s?getty images\)?$`, 60),
	newBoilerTail(`(shutterstock|alamy|istock(photo)?)( images)?\)?$`, 60),
}

type boilerTail struct {
	tail *regexp.Regexp
	max  int // runes before the tail
	span int // runes of a line's end that can hold a match, and one before it for \b
}

func newBoilerTail(tail string, max int) boilerTail {
	re, err := syntax.Parse(tail, syntax.Perl)
	if err != nil {
		panic("extract: " + err.Error())
	}
	span := maxRunes(re)
	if span < 0 {
		panic("extract: boilerplate tail " + tail + " has no longest match")
	}
	return boilerTail{tail: regexp.MustCompile(`(?i)` + tail), max: max, span: span + 1}
}

// maxRunes is the most runes re can match, -1 for no limit.
func maxRunes(re *syntax.Regexp) int {
	subs := make([]int, len(re.Sub))
	for i, sub := range re.Sub {
		if subs[i] = maxRunes(sub); subs[i] < 0 {
			return -1
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return subs[0]
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		return re.Max * subs[0]
	case syntax.OpStar, syntax.OpPlus:
		return -1
	case syntax.OpConcat:
		n := 0
		for _, m := range subs {
			n += m
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, m := range subs {
			n = max(n, m)
		}
		return n
	}
	return 0 // empty matches: anchors, word boundaries
}

// isBoilerTail reports whether the line p, its spaces normalised, is one
// of boilerTails. The leftmost place a tail matches from is the one to
// check: if it is past max runes, so is every other.
func isBoilerTail(p string) bool {
	for _, b := range boilerTails {
		from := len(p)
		for range b.span {
			if from == 0 {
				break
			}
			_, n := utf8.DecodeLastRuneInString(p[:from])
			from -= n
		}
		if at := b.tail.FindStringIndex(p[from:]); at != nil && utf8.RuneCountInString(p[:from+at[0]]) <= b.max {
			return true
		}
	}
	return false
}

// dateLine matches a dateline label such as "Published Monday, November
// 18, 2019 8:22AM EST"; it is only applied to lines that are not sentences.
var dateLine = regexp.MustCompile(`(?i)^.{0,60}\b(published|updated|posted)( on| at)?:? (mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)[\w,.:| ]{0,80}$`)

// creditSuffix matches a caption's closing credit in parentheses, such as
// "(AP Photo/Jane Doe)", "(Image: Getty)" or "(NASA via AP, File)".
var creditSuffix = regexp.MustCompile(`(?i)\((photo|image|picture|credit|pictured|[^()]{0,40}(\bvia\b|/|\bap photo\b|\bgetty\b|\breuters\b|\bafp\b|\bepa\b|\bshutterstock\b|\bfile\b))[^()]{0,60}\)\.?$`)

// agencyCredit matches a photo credit naming a picture agency, such as
// "REUTERS/Jane Doe" or "Jane Doe/AFP".
var agencyCredit = regexp.MustCompile(`(?i)(^|[\s(/])(reuters|afp|ap|epa|getty|pa|bloomberg|xinhua|ani|ians|efe|anadolu|sipa|zuma|rex|upi|nurphoto|ap photo)(/| via |\s*$|\))`)

// roleWords close a byline line ("Jane Doe White House Correspondent").
var bylineRole = regexp.MustCompile(`(?i)\b(correspondent|reporter|editor|writer|columnist|contributor|staff|producer|analyst|bureau chief)s?$`)

// IsBoilerplate reports whether one paragraph or line is boilerplate (a
// label, credit, call to action, byline or legal notice) rather than
// article text.
func IsBoilerplate(p string) bool {
	p = normalizeSpace(p)
	if p == "" {
		return true
	}
	if boilerLine.MatchString(p) || isBoilerTail(p) {
		return true
	}
	if creditSuffix.MatchString(p) {
		return true
	}
	if isSentence(p) {
		return false
	}
	words := strings.Fields(p)
	switch {
	case dateLine.MatchString(p):
		return true
	case len(words) <= 8 && agencyCredit.MatchString(p):
		return true
	case len(words) >= 2 && len(words) <= 9 && bylineRole.MatchString(p) && titleCase(words[:2]):
		return true
	case len(words) <= 7 && strings.EqualFold(words[0], "by") && len(words) > 1 && titleCase(words[1:2]):
		return true
	}
	return false
}

// isSentence reports whether p reads like prose: it ends in sentence
// punctuation or a closing quote after some words.
func isSentence(p string) bool {
	p = strings.TrimRight(p, `"'”’)]」』`)
	return strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "..") && article.Words(p) > 3 ||
		strings.HasSuffix(p, "?") || strings.HasSuffix(p, "!") ||
		strings.HasSuffix(p, "。") || strings.HasSuffix(p, "？") || strings.HasSuffix(p, "！")
}

// titleCase reports whether every word starts with an upper-case letter.
func titleCase(words []string) bool {
	for _, w := range words {
		r := []rune(strings.TrimLeft(w, `"'“‘(`))
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return len(words) > 0
}

// Clean normalises whitespace in paragraphs and drops empty, boilerplate and
// repeated ones. A short title-case line without punctuation among the first
// lines is taken for a byline or section label and dropped too.
func Clean(paragraphs []string) []string {
	var out []string
	seen := map[string]bool{}
	for i, p := range paragraphs {
		p = normalizeSpace(p)
		if IsBoilerplate(p) || seen[p] || i < 3 && isLabel(p) {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// isLabel reports whether p is a few capitalised words with no sentence
// punctuation, the shape of a byline or kicker at the top of an article.
func isLabel(p string) bool {
	words := strings.Fields(p)
	return len(words) >= 2 && len(words) <= 5 && titleCase(words) && !strings.ContainsAny(p, `.,;:!?"“”`)
}
