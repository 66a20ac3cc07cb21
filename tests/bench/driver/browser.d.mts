// Types of browser.mjs for the TypeScript benches that reuse it (tests/bench/sync/).
import type { BrowserContext, CDPSession, Page } from 'playwright-core'

export const OUT_DIR: string
export const CHROMIUM_ARGS: string[]
export const PHONE: Record<string, unknown>
export function buildAll(): Promise<void>
export function serve(port?: number): Promise<{ url: string; close(): Promise<void> }>
export function launch(): Promise<{ context: BrowserContext; close(): Promise<void> }>
export function throttle(context: BrowserContext, page: Page, rate?: number): Promise<CDPSession>
export function waitForServiceWorker(page: Page): Promise<void>
