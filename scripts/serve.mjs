// Serve the production build (dist/) on 127.0.0.1:4173 with Vite's preview server.
import { preview } from 'vite'

const port = Number(process.env.PORT ?? 4173)
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } })
console.log(`\n  学法台账已启动: http://127.0.0.1:${port}/  (Ctrl+C 停止)\n`)
server.printUrls()
