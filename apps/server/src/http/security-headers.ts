import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config.ts';

// Security headers on every answer (pages, API, assets, errors) with @fastify/helmet.
// The built web app has no inline script (Vite emits module files), so scripts come only from
// 'self'; styles allow 'unsafe-inline' because Ant Design writes its CSS-in-JS into <style>
// elements at run time. Images may be data: and blob: URLs (QR codes, previews of uploads).

/** Features the app never uses, denied to the page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'bluetooth=()', 'hid=()',
  'magnetometer=()', 'gyroscope=()', 'accelerometer=()', 'midi=()', 'display-capture=()', 'screen-wake-lock=()',
  'publickey-credentials-get=()', 'browsing-topics=()', 'interest-cohort=()',
].join(', ');

export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // Only behind https: on plain http it would send the page's requests to a port nobody serves.
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export async function installSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // The same as frame-ancestors 'none', for browsers that only know the older header.
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only where the site really is https: on http it would be ignored at best.
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    // The app embeds nothing cross-origin; Cross-Origin-Embedder-Policy would only block downloads opened in tabs.
    crossOriginEmbedderPolicy: false,
  });
  // Helmet has no Permissions-Policy.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}
