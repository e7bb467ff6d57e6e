package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"

	"storybot/answer"
)

// Sizes of an /ask reply.
const (
	askCitations = 5
	// A citation's excerpt takes an equal share of what Discord's
	// 6000-character total leaves once the rest of the reply is written,
	// between these bounds: a short answer line leaves room to show more
	// of each passage (most are under excerptMax), a long list of who said
	// what less, and under excerptMin Fit drops the last citation rather
	// than cut every excerpt shorter.
	excerptMin = 300
	excerptMax = 600
	// fieldMarkup is kept free in a field's value for the bold marks and
	// escapes an excerpt gains.
	fieldMarkup    = 100
	quoteChars     = 200
	embedColour    = message.Colour
	questionMaxLen = 300
	// askDescriptionMax leaves room under the 6000-character total for
	// five citations, which matter more than a long answer.
	askDescriptionMax = 2800
)

func (b *Bot) askCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "ask",
			Description: "Ask a question about the news; the answer cites its sources",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "e.g. who reacted to the Manchester leak", Required: true, MaxLength: questionMaxLen},
				{Type: discordgo.ApplicationCommandOptionString, Name: "source", Description: "Only passages from this source", Autocomplete: true},
				{Type: discordgo.ApplicationCommandOptionString, Name: "since", Description: "Only articles since a date (2024-05-01) or a span (3d, 12h, 2w)"},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Show the answer only to you"},
			},
		},
		ephemeral: func(c *call) bool { return c.flag("private") },
		handle:    b.handleAsk,
		complete:  b.completeSource,
	}
}

func (b *Bot) handleAsk(ctx context.Context, c *call) error {
	req := answer.Request{Question: strings.TrimSpace(c.str("question")), Source: c.str("source"), Limit: askCitations}
	if s := c.str("since"); s != "" {
		since, err := parseSince(s, b.now())
		if err != nil {
			return tellUser("I couldn't read since: %s. Use a date like 2024-05-01 or a span like 3d, 12h or 2w.", message.EscapeLine(s))
		}
		req.Since = since
	}
	a, err := b.deps.Asker.Ask(ctx, c.guild, req)
	if err != nil {
		return fmt.Errorf("bot: ask: %w", err)
	}
	if len(a.Citations) == 0 {
		return c.edit(ctx, noMatch(req, a))
	}
	return c.edit(ctx, "", askEmbed(a))
}

// noMatch is the reply when nothing answered the question: what to try.
func noMatch(req answer.Request, a answer.Answer) string {
	var b strings.Builder
	b.WriteString("I found nothing in the news I have that answers “" + message.EscapeLine(req.Question) + "”.")
	if a.Hint != "" {
		b.WriteString("\n" + message.Escape(a.Hint))
	} else {
		b.WriteString("\nTry fewer or different words, a person's or place's name")
		if req.Source != "" || !req.Since.IsZero() {
			b.WriteString(", or drop the source and since filters")
		}
		b.WriteString(".")
	}
	return b.String()
}

// askEmbed renders an answer: the answer line, who is quoted, and numbered
// citations linking to the passages. All article text is escaped.
func askEmbed(a answer.Answer) *discordgo.MessageEmbed {
	var desc strings.Builder
	desc.WriteString(message.Escape(a.Answer))
	if len(a.Speakers) > 0 {
		desc.WriteString("\n\n**Who said what**")
		for _, s := range a.Speakers {
			desc.WriteString("\n• **" + message.EscapeLine(s.Name) + "**")
			if s.Role != "" {
				desc.WriteString(" (" + message.EscapeLine(s.Role) + ")")
			}
			if s.Quote != "" {
				desc.WriteString(": “" + message.EscapeLine(message.Excerpt(s.Quote, nil, quoteChars)) + "”")
			}
			if s.Citation > 0 {
				desc.WriteString(fmt.Sprintf(" \\[%d\\]", s.Citation))
			}
		}
	}
	e := &discordgo.MessageEmbed{
		Title:       message.EscapeLine(a.Question),
		Description: message.Truncate(desc.String(), askDescriptionMax),
		Color:       embedColour,
		Footer:      &discordgo.MessageEmbedFooter{Text: "storybot · numbers in [ ] refer to the sources below"},
	}
	cs := a.Citations[:min(len(a.Citations), askCitations)]
	for _, c := range cs {
		e.Fields = append(e.Fields, citationField(c))
	}
	addExcerpts(e, cs)
	return e
}

// addExcerpts adds each citation's excerpt to its field in e, as long as
// Discord's total leaves room for (excerptRoom), shorter where bold marks
// and escapes made them overflow it.
func addExcerpts(e *discordgo.MessageEmbed, cs []answer.Citation) {
	if len(cs) == 0 {
		return
	}
	heads := make([]string, len(cs))
	for i, f := range e.Fields {
		heads[i] = f.Value
	}
	room := excerptRoom(e, len(cs))
	for {
		for i, c := range cs {
			e.Fields[i].Value = heads[i] + excerpt(c, min(room, message.FieldRoom(heads[i])-fieldMarkup))
		}
		over := -message.Room(e)
		if over <= 0 || room == excerptMin {
			return
		}
		room = max(excerptMin, room-(over+len(cs)-1)/len(cs)) // bold and escapes made the excerpts longer than their share
	}
}

// excerptRoom is each of n (> 0) citations' share of the characters e
// leaves under Discord's total, within excerptMin and excerptMax.
func excerptRoom(e *discordgo.MessageEmbed, n int) int {
	return min(excerptMax, max(excerptMin, (message.Room(e)-n)/n)) // n line breaks before the excerpts
}

// excerpt is the part of c's passage shown, about limit characters around
// the first matching word, matching words in bold, on a line of its own.
func excerpt(c answer.Citation, limit int) string {
	if c.Passage == "" || limit < 1 {
		return ""
	}
	ex := message.Emphasize(message.Excerpt(c.Passage, c.Highlights, limit), c.Highlights)
	return "\n" + strings.ReplaceAll(ex, "\n", " ")
}

// citationField renders one citation without its excerpt: number, outlet
// and date as the name; the linked title as the value.
func citationField(c answer.Citation) *discordgo.MessageEmbedField {
	name := fmt.Sprintf("%d. %s", c.N, strings.TrimSpace(c.Source))
	if c.Published != "" {
		name += " · " + c.Published
	}
	title := message.EscapeLine(c.Title)
	if title == "" {
		title = "(untitled)"
	}
	var v strings.Builder
	if link := message.PassageLink(c.URL, c.Passage); link != "" {
		v.WriteString("[" + title + "](" + link + ")")
	} else {
		v.WriteString("**" + title + "**")
	}
	return &discordgo.MessageEmbedField{Name: message.EscapeLine(name), Value: v.String()}
}

// parseSince reads a date (2006-01-02) or a span back from now (3d, 12h,
// 2w).
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if len(s) < 2 {
		return time.Time{}, fmt.Errorf("bot: since %q: not a date or span", s)
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 10000 {
		return time.Time{}, fmt.Errorf("bot: since %q: not a date or span", s)
	}
	unit := map[byte]time.Duration{'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour}[s[len(s)-1]]
	if unit == 0 {
		return time.Time{}, fmt.Errorf("bot: since %q: unit must be h, d or w", s)
	}
	return now.Add(-time.Duration(n) * unit), nil
}

// completeSource offers source names starting with (or containing) what
// has been typed.
func (b *Bot) completeSource(ctx context.Context, c *call) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	_, typed := c.focused()
	sources, err := b.deps.Sources.List(ctx, c.guild)
	if err != nil {
		return nil, fmt.Errorf("bot: complete source: %w", err)
	}
	names := make([]string, 0, len(sources))
	for _, s := range sources {
		names = append(names, s.Name)
	}
	return choices(names, typed), nil
}

// choices returns up to 25 autocomplete choices among names: those
// starting with typed first, then those containing it, ignoring case.
func choices(names []string, typed string) []*discordgo.ApplicationCommandOptionChoice {
	typed = strings.ToLower(strings.TrimSpace(typed))
	var first, rest []*discordgo.ApplicationCommandOptionChoice
	for _, n := range names {
		ln := strings.ToLower(n)
		choice := &discordgo.ApplicationCommandOptionChoice{Name: message.Truncate(n, 100), Value: n}
		switch {
		case strings.HasPrefix(ln, typed):
			first = append(first, choice)
		case strings.Contains(ln, typed):
			rest = append(rest, choice)
		}
	}
	all := append(first, rest...)
	if len(all) > 25 {
		all = all[:25]
	}
	return all
}
