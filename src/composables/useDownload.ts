/** Save bytes or text as a file: a Blob behind an `<a download>` (works offline, no server). */

export function downloadFile(content: Uint8Array | string, fileName: string, mime: string): void {
  const blob = new Blob([content as BlobPart], { type: mime })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Some browsers read the blob after click() returns: keep the URL alive a little.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function useDownload() {
  return { download: downloadFile }
}
