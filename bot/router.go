package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"time"

	"github.com/bwmarrin/discordgo"

	"storybot/bot/message"
)

// command is one slash command: its definition, and its handler beside it.
type command struct {
	def   *discordgo.ApplicationCommand
	admin bool
	// ephemeral says whether the reply is visible only to the caller.
	ephemeral func(c *call) bool
	// handle does the work after the deferred acknowledgement and edits the
	// reply; its error goes to Bot.fail.
	handle func(ctx context.Context, c *call) error
	// complete returns autocomplete choices for the focused option.
	complete func(ctx context.Context, c *call) ([]*discordgo.ApplicationCommandOptionChoice, error)
	// press handles a button of the command's replies (c.button); it runs
	// after the acknowledgement and edits the reply like handle.
	press func(ctx context.Context, c *call) error
	// pressUpdates says whether a button edits the message it is on
	// (paging) rather than replying with a new one.
	pressUpdates func(c *call) bool
}

// Timeouts of interaction work. Interaction tokens last 15 minutes.
const (
	workTimeout     = 14 * time.Minute
	completeTimeout = 2 * time.Second
)

// commandSet is the router's table, keyed by command name.
func (b *Bot) commandSet() map[string]*command {
	set := map[string]*command{}
	for _, c := range []*command{
		b.askCommand(), b.trackCommand(), b.storyCommand(), b.digestCommand(),
		b.reindexCommand(), b.sourcesCommand(), b.statusCommand(), b.quotesCommand(),
	} {
		if c.admin {
			perm := int64(discordgo.PermissionManageGuild)
			c.def.DefaultMemberPermissions = &perm
		}
		guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
		c.def.Contexts = &guildOnly
		set[c.def.Name] = c
	}
	return set
}

// definitions lists the command definitions in name order, for the bulk
// overwrite.
func (b *Bot) definitions() []*discordgo.ApplicationCommand {
	defs := make([]*discordgo.ApplicationCommand, 0, len(b.commands))
	for _, c := range b.commands {
		defs = append(defs, c.def)
	}
	sort.Slice(defs, func(i, j int) bool { return defs[i].Name < defs[j].Name })
	return defs
}

// route decides the immediate response to an interaction (raw is its JSON)
// and returns the work, if any, to run once that response is sent. Only
// autocomplete does I/O here, bounded by completeTimeout, so route answers
// within Discord's 3 seconds. A guild the bot does not serve gets a
// refusal; a panic gets an apology.
func (b *Bot) route(ctx context.Context, i *discordgo.Interaction, raw []byte) (resp *discordgo.InteractionResponse, work func(context.Context)) {
	defer func() {
		if v := recover(); v != nil {
			b.log.Error("panic routing an interaction", "interaction_id", i.ID, "guild_id", i.GuildID, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			resp, work = immediate(sorry, true), nil
			if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
				resp = choicesResponse(nil)
			}
		}
	}()
	if i.Type == discordgo.InteractionPing {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, nil
	}
	if refusal := b.refuseGuild(i); refusal != "" {
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			return choicesResponse(nil), nil
		}
		return immediate(refusal, true), nil
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		return b.routeCommand(i, raw)
	case discordgo.InteractionApplicationCommandAutocomplete:
		return b.routeComplete(ctx, i), nil
	case discordgo.InteractionMessageComponent:
		return b.routePress(i)
	}
	return nil, nil
}

func (b *Bot) routeCommand(i *discordgo.Interaction, raw []byte) (*discordgo.InteractionResponse, func(context.Context)) {
	c := newCall(b, i)
	c.channelPerms = resolvedChannelPermissions(raw)
	cmd, ok := b.commands[c.name]
	if !ok {
		return immediate("That command is not known to this version of storybot.", true), nil
	}
	if cmd.admin && !isAdmin(i.Member, b.cfg.AdminRoleIDs) {
		b.log.Info("admin command refused", "command", c.name, "guild_id", c.guild, "user_id", c.user)
		return immediate("Only server admins (Manage Server permission, or an admin role set in storybot's configuration) can use /"+c.name+".", true), nil
	}
	handle := cmd.handle
	if c.name == "ask" {
		t := b.asks.admit()
		if t == nil {
			b.log.Warn("ask refused: every place in the queue is taken", "guild_id", c.guild, "user_id", c.user, "queued", b.asks.waiting())
			return immediate(busyReply, true), nil
		}
		if ok, wait := b.limiter.allow(c.user, b.now()); !ok {
			t.release()
			return immediate(fmt.Sprintf("You're asking quickly — you can ask %d questions a minute. Please try again in %d seconds.",
				b.cfg.AskPerMinute, int(wait.Seconds())+1), true), nil
		}
		handle = func(ctx context.Context, c *call) error {
			return t.run(ctx, func() error { return cmd.handle(ctx, c) })
		}
	}
	ephemeral := cmd.ephemeral != nil && cmd.ephemeral(c)
	return deferred(ephemeral), b.work(c, handle)
}

// busyReply answers an /ask that finds the queue full.
const busyReply = "I'm busy answering other questions right now. Please try again in a moment."

// work runs a handler after the acknowledgement, within workTimeout, with
// its error reported to the user and the call logged.
func (b *Bot) work(c *call, handle func(context.Context, *call) error) func(context.Context) {
	return func(ctx context.Context) {
		ctx, cancel := context.WithTimeout(ctx, workTimeout)
		defer cancel()
		start := b.now()
		err := handleSafely(ctx, handle, c)
		if err != nil {
			b.fail(ctx, c, err)
		}
		b.log.Info("command", "command", c.name, "sub", c.sub, "button", c.button.action, "guild_id", c.guild, "user_id", c.user,
			"duration_ms", b.now().Sub(start).Milliseconds(), "ok", err == nil)
	}
}

// routePress acknowledges a button press: as an update of the message it
// is on, or as a new reply, and runs the command's press handler.
func (b *Bot) routePress(i *discordgo.Interaction) (*discordgo.InteractionResponse, func(context.Context)) {
	c := newCall(b, i)
	cmd, ok := b.commands[c.name]
	if !ok || cmd.press == nil {
		return immediate("That button no longer works with this version of storybot.", true), nil
	}
	if cmd.admin && !isAdmin(i.Member, b.cfg.AdminRoleIDs) {
		return immediate("Only server admins can use this button.", true), nil
	}
	ack := deferred(false)
	if cmd.pressUpdates != nil && cmd.pressUpdates(c) {
		ack = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	}
	return ack, b.work(c, cmd.press)
}

func (b *Bot) routeComplete(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	c := newCall(b, i)
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if cmd, ok := b.commands[c.name]; ok && cmd.complete != nil && (!cmd.admin || isAdmin(i.Member, b.cfg.AdminRoleIDs)) {
		ctx, cancel := context.WithTimeout(ctx, completeTimeout)
		defer cancel()
		got, err := cmd.complete(ctx, c)
		if err != nil {
			b.log.Warn("autocomplete failed", "command", c.name, "error", err)
		}
		if got != nil {
			choices = got
		}
	}
	return choicesResponse(choices)
}

// choicesResponse answers an autocomplete with at most 25 choices.
func choicesResponse(choices []*discordgo.ApplicationCommandOptionChoice) *discordgo.InteractionResponse {
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	if len(choices) > 25 {
		choices = choices[:25]
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

// handleSafely runs a command's handler, turning a panic into an error
// that carries the stack to the log; the user gets the usual apology.
func handleSafely(ctx context.Context, handle func(context.Context, *call) error, c *call) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("bot: panic in /%s: %v\n%s", c.name, v, debug.Stack())
		}
	}()
	return handle(ctx, c)
}

// sorry is the reply to a failure that is not the user's doing.
const sorry = "Sorry, something went wrong on storybot's side; the error has been logged."

// userError is an error whose message is meant for the person who ran the
// command; its text is already safe to show.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

// tellUser returns an error shown to the user as it is; escape any
// untrusted parts of msg first.
func tellUser(format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...)}
}

// fail is the central error handler: users see their own mistakes
// explained, and a generic apology for anything else, which is logged.
func (b *Bot) fail(ctx context.Context, c *call, err error) {
	msg := sorry
	var ue *userError
	if errors.As(err, &ue) {
		msg = ue.msg
	} else {
		b.log.Error("command failed", "command", c.name, "sub", c.sub, "guild_id", c.guild, "user_id", c.user, "error", err)
	}
	if eerr := c.edit(ctx, msg); eerr != nil {
		b.log.Error("reporting command failure", "command", c.name, "error", eerr)
	}
}

// immediate is an immediate reply with content.
func immediate(content string, ephemeral bool) *discordgo.InteractionResponse {
	content, _ = message.Fit(content, nil)
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: content, AllowedMentions: message.NoMentions(), Flags: flags(ephemeral)},
	}
}

// deferred acknowledges a command now; the reply is edited in later.
func deferred(ephemeral bool) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{AllowedMentions: message.NoMentions(), Flags: flags(ephemeral)},
	}
}

func flags(ephemeral bool) discordgo.MessageFlags {
	if ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// onEvent serves interactions from the gateway. It reads the raw event:
// discordgo's Interaction drops the permissions Discord resolves for a
// channel option.
func (b *Bot) onEvent(s *discordgo.Session, e *discordgo.Event) {
	if e.Type != "INTERACTION_CREATE" {
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(e.RawData, &i); err != nil {
		b.log.Error("reading an interaction from the gateway", "error", err)
		return
	}
	ctx, cancel := context.WithTimeout(b.baseCtx, httpAckTimeout)
	resp, work := b.route(ctx, &i, e.RawData)
	cancel()
	if resp == nil {
		return
	}
	if err := s.InteractionRespond(&i, resp, discordgo.WithContext(b.baseCtx)); err != nil {
		b.log.Error("acknowledging interaction", "interaction_id", i.ID, "error", err)
		return
	}
	if work != nil {
		b.spawn(work)
	}
}

// spawn runs work in a goroutine that Close waits for; after Close it runs
// nothing.
func (b *Bot) spawn(work func(context.Context)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return
	}
	b.running.Add(1)
	go func() {
		defer b.running.Done()
		defer func() {
			if v := recover(); v != nil {
				b.log.Error("panic in interaction work", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			}
		}()
		work(b.baseCtx)
	}()
}
