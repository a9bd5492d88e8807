# A network namespace for one service process, joined to the host by a veth pair, so a fault test can cut that
# process off the network (its link down) while it keeps running. The stack's servers listen on 127.0.0.1 only, and
# Kafka tells its clients to come back to 127.0.0.1: NAT on both sides makes the namespace's 127.0.0.1 reach the host's
# (except the service's own ports), and the host's 127.0.0.1 reach the service's ports in the namespace.
# Needs root (iproute2, nftables). Sourced by ./relais after lib.sh.

RELAIS_NETNS="${RELAIS_NETNS:-relais-cut}"
NETNS_HOST_IF=rcut0
NETNS_IF=rcut1
NETNS_HOST_IP=10.77.0.1
NETNS_IP=10.77.0.2

netns_exists() { ip netns list 2>/dev/null | grep -qw "$RELAIS_NETNS"; }

netns_up() { # netns_up <port,port,...>: the ports the service in the namespace listens on (HTTP and management)
  local ports=${1:?usage: ./relais netns up <port,port,...>}
  [ "$(id -u)" = 0 ] || die "the network namespace needs root (ip netns, nftables)"
  command -v nft >/dev/null || die "nftables is missing: apt-get install -y nftables"
  netns_down
  ip netns add "$RELAIS_NETNS"
  ip link add "$NETNS_HOST_IF" type veth peer name "$NETNS_IF"
  ip link set "$NETNS_IF" netns "$RELAIS_NETNS"
  ip addr add "$NETNS_HOST_IP/30" dev "$NETNS_HOST_IF"
  ip link set "$NETNS_HOST_IF" up
  netns_run ip link set lo up
  netns_run ip addr add "$NETNS_IP/30" dev "$NETNS_IF"
  netns_run ip link set "$NETNS_IF" up
  netns_run ip route add default via "$NETNS_HOST_IP"
  # loopback addresses may be NATed across the veth pair
  sysctl -q -w "net.ipv4.conf.$NETNS_HOST_IF.route_localnet=1" net.ipv4.conf.all.route_localnet=1
  netns_run sysctl -q -w "net.ipv4.conf.$NETNS_IF.route_localnet=1" net.ipv4.conf.all.route_localnet=1
  nft -f - <<NFT
table ip relais_netns {
  chain prerouting { type nat hook prerouting priority -100; iifname "$NETNS_HOST_IF" ip daddr $NETNS_HOST_IP dnat to 127.0.0.1; }
  chain output { type nat hook output priority -100; ip daddr 127.0.0.1 tcp dport { $ports } dnat to $NETNS_IP; }
  chain postrouting { type nat hook postrouting priority 100; oifname "$NETNS_HOST_IF" masquerade; }
  # from 127.0.0.1, as the servers expect their clients (PostgreSQL's pg_hba accepts loopback only)
  chain input { type nat hook input priority 100; iifname "$NETNS_HOST_IF" snat to 127.0.0.1; }
}
NFT
  netns_run nft -f - <<NFT
table ip relais_netns {
  chain prerouting { type nat hook prerouting priority -100; iifname "$NETNS_IF" ip daddr $NETNS_IP dnat to 127.0.0.1; }
  chain output { type nat hook output priority -100; ip daddr 127.0.0.1 tcp dport != { $ports } dnat to $NETNS_HOST_IP; }
  chain postrouting { type nat hook postrouting priority 100; oifname "$NETNS_IF" masquerade; }
}
NFT
  info "network namespace $RELAIS_NETNS up: ports $ports in it, the rest of 127.0.0.1 on the host"
}

netns_run() { ip netns exec "$RELAIS_NETNS" "$@"; }

netns_link() { # netns_link down|up: cut the namespace off the host, or join it again
  netns_exists || die "no network namespace $RELAIS_NETNS"
  ip link set "$NETNS_HOST_IF" "$1"
  info "network namespace $RELAIS_NETNS link $1"
}

netns_down() {
  nft delete table ip relais_netns 2>/dev/null || true
  ip link delete "$NETNS_HOST_IF" 2>/dev/null || true
  if netns_exists; then ip netns delete "$RELAIS_NETNS"; fi
  sysctl -q -w net.ipv4.conf.all.route_localnet=0 2>/dev/null || true
}
