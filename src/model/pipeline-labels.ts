// The labels the traded curves carry: what decided the value on a piece, and the bot's reason where it trades nothing.

/** Labels of what decided the value on a piece; `no trade: ...` pieces trade nothing. */
export const LABEL = {
  designed: 'designed size',
  override: 'override',
  cap: 'cap',
  capHaircut: 'cap x 0.95',
  volatilityCap: 'cap after volatility',
  maxMargin: 'max margin %',
  freeMargin: 'free margin',
  dynamicCap: 'dynamic margin cap',
  riskBased: 'risk-based sizing',
  maxSafe: 'max safe margin',
  marginSafety: 'margin safety %',
  floor: 'floor',
} as const

/** A label marking no trade, with the reason the bot's code gives up and, after a NUL, the pointer of the key to blame. */
export function noTradeLabel(reason: string): string {
  return `no trade: ${reason}`
}

/** `reason` with the pointer of the key it is about, as noTradeLabel carries it. */
export function reasonAt(reason: string, path: string): string {
  return `${reason}\u0000${path}`
}

export function isNoTrade(label: string | undefined): boolean {
  return label !== undefined && label.startsWith('no trade: ')
}

/** The reason of a no-trade label, in words. */
export function noTradeReason(label: string): string {
  return label.slice('no trade: '.length).split('\u0000')[0]!
}

/** The pointer of the key a no-trade label blames ('' when none). */
export function noTradePath(label: string): string {
  return label.split('\u0000')[1] ?? ''
}
