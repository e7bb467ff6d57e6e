package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"

	"storybot/quotes"
)

// Limits of /quotes: its options fit in a paging button's custom ID.
const (
	quotesSpeakerMax = 50
	quotesAboutMax   = 20
	quotesSinceMax   = 10
	// quotesPageChars is the most description text one page holds.
	quotesPageChars = 3500
	quotesPerStory  = 4
	quoteLinkChars  = 180
)

func (b *Bot) quotesCommand() *command {
	return &command{
		def: &discordgo.ApplicationCommand{
			Name:        "quotes",
			Description: "Everything a person or organisation has been quoted saying, newest first",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "speaker", Description: "Who, e.g. Amber Rudd", Required: true, Autocomplete: true, MaxLength: quotesSpeakerMax},
				{Type: discordgo.ApplicationCommandOptionString, Name: "about", Description: "Only quotes about this, e.g. leak", MaxLength: quotesAboutMax},
				{Type: discordgo.ApplicationCommandOptionString, Name: "since", Description: "Only articles since a date (2024-05-01) or a span (3d, 12h, 2w)", MaxLength: quotesSinceMax},
			},
		},
		handle:       b.handleQuotes,
		complete:     b.completeSpeaker,
		press:        b.pressQuotes,
		pressUpdates: func(*call) bool { return true },
	}
}

// quotesQuery is what a /quotes reply shows: the options and the page.
type quotesQuery struct {
	speaker, about, since string
	page                  int
}

func (b *Bot) handleQuotes(ctx context.Context, c *call) error {
	return b.showQuotes(ctx, c, quotesQuery{speaker: strings.TrimSpace(c.str("speaker")),
		about: strings.TrimSpace(c.str("about")), since: strings.TrimSpace(c.str("since"))})
}

// pressQuotes turns a /quotes reply's page.
func (b *Bot) pressQuotes(ctx context.Context, c *call) error {
	parts := strings.SplitN(c.button.payload, "|", 4)
	page, err := strconv.Atoi(parts[0])
	if c.button.action != "page" || len(parts) != 4 || err != nil {
		return tellUser("That button no longer works; run /quotes again.")
	}
	return b.showQuotes(ctx, c, quotesQuery{page: page, speaker: parts[1], about: parts[2], since: parts[3]})
}

func (b *Bot) showQuotes(ctx context.Context, c *call, q quotesQuery) error {
	r := quotes.Request{Speaker: q.speaker, About: q.about}
	if q.since != "" {
		since, err := parseSince(q.since, b.now())
		if err != nil {
			return tellUser("I couldn't read since: %s. Use a date like 2024-05-01 or a span like 3d, 12h or 2w.", message.EscapeLine(q.since))
		}
		r.Since = since
	}
	res, err := b.deps.Quotes.Quotes(ctx, c.guild, r)
	if errors.Is(err, quotes.ErrNoName) {
		return tellUser("Name someone to quote, e.g. /quotes speaker:Amber Rudd.")
	}
	if err != nil {
		return fmt.Errorf("bot: quotes: %w", err)
	}
	if res.Quotes == 0 {
		msg := "Nobody called " + message.EscapeLine(q.speaker) + " is quoted in the news I have"
		if q.about != "" || q.since != "" {
			msg += " with those filters"
		}
		return c.edit(ctx, msg+". Names autocomplete from the speakers I know.")
	}
	pages := quotePages(res)
	q.page = min(max(q.page, 0), len(pages)-1)
	return c.editWith(ctx, reply{embeds: []*discordgo.MessageEmbed{quotesEmbed(res, pages, q.page)}, components: pageButtons(q, len(pages))})
}

// quotePages packs the rendered stories into pages of at most
// quotesPageChars; a page holds at least one story.
func quotePages(res quotes.Result) [][]string {
	var pages [][]string
	var page []string
	n := 0
	for _, st := range res.Stories {
		block := storyQuotes(st)
		if len(page) > 0 && n+message.TextLen(block) > quotesPageChars {
			pages, page, n = append(pages, page), nil, 0
		}
		page = append(page, block)
		n += message.TextLen(block)
	}
	return append(pages, page)
}

// storyQuotes renders one story's quotes: the linked title, outlet and
// date, then each quote linked to its passage.
func storyQuotes(st quotes.Story) string {
	var s strings.Builder
	title := message.EscapeLine(st.Title)
	if title == "" {
		title = "(untitled)"
	}
	if link := message.PageLink(st.URL); link != "" {
		title = "[" + title + "](" + link + ")"
	}
	date := "undated"
	if !st.Published.IsZero() {
		date = st.Published.UTC().Format("2006-01-02")
	}
	fmt.Fprintf(&s, "**%s** — %s · %s\n", title, message.EscapeLine(st.Outlet), date)
	for i, q := range st.Quotes {
		if i == quotesPerStory {
			fmt.Fprintf(&s, "> …and %d more\n", len(st.Quotes)-i)
			break
		}
		text := "“" + message.EscapeLine(message.Excerpt(q.Text, nil, quoteLinkChars)) + "”"
		if link := message.PassageLink(st.URL, q.Text); link != "" {
			text = "[" + text + "](" + link + ")"
		}
		s.WriteString("> " + text + "\n")
	}
	return s.String() + "\n"
}

func quotesEmbed(res quotes.Result, pages [][]string, page int) *discordgo.MessageEmbed {
	title := res.Speaker
	if res.Role != "" {
		title += " (" + res.Role + ")"
	}
	desc := strings.Join(pages[page], "")
	if len(res.Others) > 0 && page == 0 {
		desc = "*The name may also mean " + message.EscapeLine(strings.Join(res.Others, ", ")) + ".*\n\n" + desc
	}
	return &discordgo.MessageEmbed{
		Title:       message.EscapeLine(title),
		Description: desc,
		Color:       embedColour,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d %s in %d %s, newest first · page %d of %d",
			res.Quotes, plural(res.Quotes, "quote", "quotes"), len(res.Stories), plural(len(res.Stories), "story", "stories"), page+1, len(pages))},
	}
}

// pageButtons are the Newer and Older buttons of a reply with several
// pages; their custom IDs carry the options, so a press needs no state.
func pageButtons(q quotesQuery, pages int) []discordgo.MessageComponent {
	if pages < 2 {
		return nil
	}
	field := strings.NewReplacer("|", " ") // the separator never comes from the options
	id := func(page int) string {
		return truncateID(customID("quotes", "page", fmt.Sprintf("%d|%s|%s|%s", page,
			field.Replace(q.speaker), field.Replace(q.about), field.Replace(q.since))))
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀ Newer", Style: discordgo.SecondaryButton, CustomID: id(q.page - 1), Disabled: q.page == 0},
		discordgo.Button{Label: "Older ▶", Style: discordgo.SecondaryButton, CustomID: id(q.page + 1), Disabled: q.page == pages-1},
	}}}
}

// truncateID keeps a custom ID within Discord's limit; the options' own
// limits keep /quotes' IDs within it, so this only guards.
func truncateID(id string) string {
	if len(id) > maxCustomID {
		return id[:maxCustomID]
	}
	return id
}

// completeSpeaker offers the speakers the index knows, with their roles,
// most quoted first.
func (b *Bot) completeSpeaker(ctx context.Context, c *call) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	_, typed := c.focused()
	known, err := b.deps.Quotes.KnownSpeakers(ctx, c.guild, typed, 25)
	if err != nil {
		return nil, fmt.Errorf("bot: complete speaker: %w", err)
	}
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(known))
	for _, k := range known {
		label := k.Name
		if k.Role != "" {
			label += " (" + k.Role + ")"
		}
		label += fmt.Sprintf(" · %d %s", k.Quotes, plural(k.Quotes, "quote", "quotes"))
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: message.Truncate(label, 100), Value: message.Truncate(k.Name, quotesSpeakerMax)})
	}
	return out, nil
}
