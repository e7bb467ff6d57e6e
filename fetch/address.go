package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// nonPublic are ranges that are not ordinary public unicast but that
// netip's predicates do not name.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network": 0.x.x.x reaches the host itself on Linux
	netip.MustParsePrefix("100.64.0.0/10"),  // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, and broadcast
	netip.MustParsePrefix("::/96"),          // IPv4-compatible (deprecated): ::127.0.0.1
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("100::/64"),       // discard
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("fec0::/10"),      // site-local (deprecated)
}

// IPv6 ranges that carry an IPv4 address, which must be public too.
var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96") // well-known NAT64: the last 32 bits
	sixTo4 = netip.MustParsePrefix("2002::/16")    // 6to4: bits 16-48
	teredo = netip.MustParsePrefix("2001::/32")    // Teredo: server bits 32-64, client inverted in the last 32
)

// publicAddr reports whether ip is an ordinary public unicast address,
// including the IPv4 address inside a NAT64, 6to4 or Teredo one.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid(), ip.IsLoopback(), ip.IsPrivate(), ip.IsUnspecified(),
		ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast(),
		ip.IsInterfaceLocalMulticast(), ip.IsMulticast():
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	for _, v4 := range embeddedV4(ip) {
		if !publicAddr(v4) {
			return false
		}
	}
	return true
}

// embeddedV4 returns the IPv4 addresses an IPv6 transition address leads
// to.
func embeddedV4(ip netip.Addr) []netip.Addr {
	b := ip.As16()
	v4 := func(x [4]byte) netip.Addr { return netip.AddrFrom4(x) }
	switch {
	case nat64.Contains(ip):
		return []netip.Addr{v4([4]byte(b[12:16]))}
	case sixTo4.Contains(ip):
		return []netip.Addr{v4([4]byte(b[2:6]))}
	case teredo.Contains(ip):
		client := [4]byte{^b[12], ^b[13], ^b[14], ^b[15]}
		return []netip.Addr{v4([4]byte(b[4:8])), v4(client)}
	}
	return nil
}

// guardDial is a net.Dialer Control hook. It runs after DNS resolution on
// the exact address being connected to, so neither DNS rebinding nor a
// redirect to an internal host can slip past it.
func guardDial(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if !publicAddr(ap.Addr()) {
		return fmt.Errorf("dial %s: %w", address, ErrBlockedAddress)
	}
	return nil
}

// dialer returns the dialer the transport uses.
func dialer(allowPrivate bool) *net.Dialer {
	d := &net.Dialer{}
	if !allowPrivate {
		d.Control = guardDial
	}
	return d
}
