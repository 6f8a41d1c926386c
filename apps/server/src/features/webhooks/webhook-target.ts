import { BlockList, isIP } from 'node:net';
import type { FieldError } from '@lvping/domain';
import type { Config } from '../../config.ts';

// Which hosts an endpoint may point at. The server makes these requests from inside the
// operator's network, so an endpoint on a private, link-local or loopback address would let an
// organizer make it call internal services (SSRF: the cloud metadata service on 169.254.169.254,
// an admin port on 127.0.0.1, the database…). Names are checked again on every delivery against
// the addresses they resolve to (webhook-send.ts), so a name that later resolves inward
// (DNS rebinding) is refused at connection time too.

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) internal.addSubnet(net, bits, 'ipv6');

// BlockList judges an IPv4-mapped IPv6 address (::ffff:10.0.0.1, ::ffff:a00:1) as the IPv4 one.
const family = (ip: string) => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

export const isLoopbackAddress = (address: string): boolean => loopback.check(address, family(address));

/** Whether a resolved address may be called: public ones, and loopback when the config allows it. */
export function addressAllowed(address: string, config: Config['webhooks']): boolean {
  if (config.allowInsecureLoopback && isLoopbackAddress(address)) return true;
  return !internal.check(address, family(address));
}

const bareHost = (u: URL) => u.hostname.replace(/^\[|\]$/g, '');
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** The reason an endpoint URL is refused, as a field error on `url`; null when it may be registered. */
export function endpointUrlProblem(url: string, config: Config['webhooks']): FieldError | null {
  const u = new URL(url);
  const host = bareHost(u).toLowerCase();
  const loopbackHost = isLocalName(host) || (isIP(host) !== 0 && isLoopbackAddress(host));
  const field = (zh: string, en: string): FieldError => ({ path: 'url', message: { 'zh-CN': zh, en } });
  if (u.username || u.password) return field('网址中不能包含用户名或密码', 'The URL must not contain a user name or password');
  if (u.protocol === 'http:' && !(config.allowInsecureLoopback && loopbackHost)) {
    return field('接收地址须使用 https://（推送内容须加密传输）', 'The endpoint must use https:// (events are sent encrypted)');
  }
  if (loopbackHost) {
    return config.allowInsecureLoopback ? null : field('不能推送到本机地址（localhost / 127.0.0.1）', 'The endpoint must not be this machine (localhost / 127.0.0.1)');
  }
  if (isIP(host) !== 0 && !addressAllowed(host, config)) {
    return field('不能推送到内网、链路本地或保留地址（防止服务器被用来访问内部服务）', 'The endpoint must not be a private, link-local or reserved address (the server would be calling internal services)');
  }
  return null;
}
