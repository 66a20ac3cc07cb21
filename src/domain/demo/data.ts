/**
 * The demo ledger's data tables: law titles, session topics, trainings, names, titles, towns, platforms.
 * Kept apart from the generator (demo-ledger.ts and its demo-*.ts parts) so each file has one job.
 */
import type { TrainingCategory } from '../model/types'

export const LAW = {
  constitution: '中华人民共和国宪法',
  civilCode: '中华人民共和国民法典',
  penalty: '中华人民共和国行政处罚法',
  licensing: '中华人民共和国行政许可法',
  coercion: '中华人民共和国行政强制法',
  reconsideration: '中华人民共和国行政复议法',
  litigation: '中华人民共和国行政诉讼法',
  compensation: '中华人民共和国国家赔偿法',
  workSafety: '中华人民共和国安全生产法',
  secrets: '中华人民共和国保守国家秘密法',
  nationalSecurity: '中华人民共和国国家安全法',
  counterEspionage: '中华人民共和国反间谍法',
  civilServant: '中华人民共和国公务员法',
  sanctions: '中华人民共和国公职人员政务处分法',
  supervision: '中华人民共和国监察法',
  dataSecurity: '中华人民共和国数据安全法',
  privacy: '中华人民共和国个人信息保护法',
  cyber: '中华人民共和国网络安全法',
  sme: '中华人民共和国中小企业促进法',
  smePayment: '保障中小企业款项支付条例',
  business: '优化营商环境条例',
  infoDisclosure: '中华人民共和国政府信息公开条例',
  majorDecisions: '重大行政决策程序暂行条例',
  petitions: '信访工作条例',
  unfairCompetition: '中华人民共和国反不正当竞争法',
  productQuality: '中华人民共和国产品质量法',
  energy: '中华人民共和国节约能源法',
  science: '中华人民共和国科学技术进步法',
  statistics: '中华人民共和国统计法',
  archives: '中华人民共和国档案法',
  procurement: '中华人民共和国政府采购法',
  tendering: '中华人民共和国招标投标法',
  standardization: '中华人民共和国标准化法',
  fireProtection: '中华人民共和国消防法',
  emergencies: '中华人民共和国突发事件应对法',
  laborContract: '中华人民共和国劳动合同法',
  legalAid: '中华人民共和国法律援助法',
  patriotism: '中华人民共和国爱国主义教育法',
  partyDiscipline: '中国共产党纪律处分条例',
  partyIntegrity: '中国共产党廉洁自律准则',
  partyCharter: '中国共产党章程',
  firstResponsibility: '党政主要负责人履行推进法治建设第一责任人职责规定',
  inspection: '法治政府建设与责任落实督察工作规定',
  outline: '习近平法治思想学习纲要',
  introduction: '习近平法治思想概论',
  qa: '习近平法治思想学习问答',
  onRuleOfLaw: '论坚持全面依法治国',
  plan: '法治政府建设实施纲要（2021—2025年）',
} as const

/** Every law title the demo may use; all are official titles of the catalogue. */
export const DEMO_LAW_TITLES: readonly string[] = Object.values(LAW)

export const STUDY_LAWS: readonly string[] = [
  LAW.constitution, LAW.civilCode, LAW.penalty, LAW.licensing, LAW.coercion, LAW.reconsideration,
  LAW.litigation, LAW.compensation, LAW.workSafety, LAW.secrets, LAW.nationalSecurity, LAW.counterEspionage,
  LAW.civilServant, LAW.sanctions, LAW.supervision, LAW.dataSecurity, LAW.privacy, LAW.cyber, LAW.sme,
  LAW.smePayment, LAW.business, LAW.infoDisclosure, LAW.majorDecisions, LAW.petitions, LAW.unfairCompetition,
  LAW.productQuality, LAW.energy, LAW.science, LAW.statistics, LAW.archives, LAW.procurement, LAW.tendering,
  LAW.standardization, LAW.fireProtection, LAW.emergencies, LAW.laborContract, LAW.legalAid, LAW.patriotism,
]
export const PRE_MEETING_LAWS: readonly string[] = [
  ...STUDY_LAWS.slice(0, 24),
  LAW.partyDiscipline, LAW.partyIntegrity, LAW.firstResponsibility, LAW.inspection, LAW.plan,
]
export const SELF_LAWS: readonly string[] = [...STUDY_LAWS, LAW.outline, LAW.onRuleOfLaw, LAW.plan, LAW.qa, LAW.partyDiscipline]

export const LEGAL_CENTER_GROUP: readonly { title: string; laws: string[] }[] = [
  { title: '法治专题学习：深入学习习近平法治思想', laws: [LAW.outline, LAW.onRuleOfLaw] },
  { title: '法治专题学习：学习《习近平法治思想概论》', laws: [LAW.introduction] },
  { title: '法治专题学习：学习贯彻新修订的《中华人民共和国行政复议法》', laws: [LAW.reconsideration] },
  { title: '法治专题学习：学习《法治政府建设实施纲要（2021—2025年）》', laws: [LAW.plan] },
  { title: '法治专题学习：落实党政主要负责人推进法治建设第一责任人职责', laws: [LAW.firstResponsibility, LAW.inspection] },
  { title: '法治专题学习：弘扬宪法精神，维护宪法权威', laws: [LAW.constitution] },
  { title: '法治专题学习：学习《中华人民共和国民法典》', laws: [LAW.civilCode] },
  { title: '法治专题学习：学习《中华人民共和国保守国家秘密法》', laws: [LAW.secrets] },
  { title: '法治专题学习：总体国家安全观与《中华人民共和国国家安全法》', laws: [LAW.nationalSecurity] },
]
export const THEORY_CENTER_GROUP: readonly { title: string; laws: string[] }[] = [
  { title: '学习贯彻党的二十届三中全会精神', laws: [] },
  { title: '学习习近平总书记关于新型工业化的重要论述', laws: [] },
  { title: '学习习近平总书记关于安全生产的重要论述', laws: [] },
  { title: '学习习近平经济思想', laws: [] },
  { title: '学习习近平文化思想', laws: [] },
  { title: '传达学习全国两会精神', laws: [] },
  { title: '学习贯彻中央经济工作会议精神', laws: [] },
  { title: '学习关于发展新质生产力的重要论述', laws: [] },
  { title: '学习关于优化营商环境的重要论述', laws: [] },
  { title: '学习关于制造业高质量发展的重要论述', laws: [] },
  { title: '党纪学习教育专题学习', laws: [LAW.partyDiscipline] },
  { title: '学习《中国共产党廉洁自律准则》', laws: [LAW.partyIntegrity] },
  { title: '学习贯彻省委全会精神', laws: [] },
]
export const LECTURE_TOPICS: readonly { title: string; laws: string[] }[] = [
  { title: '法治专题讲座：《中华人民共和国民法典》与依法履职', laws: [LAW.civilCode] },
  { title: '法治专题讲座：《中华人民共和国安全生产法》解读', laws: [LAW.workSafety] },
  { title: '法治专题讲座：新修订《中华人民共和国行政复议法》解读', laws: [LAW.reconsideration] },
  { title: '法治专题讲座：行政诉讼典型案例与依法行政', laws: [LAW.litigation] },
  { title: '法治专题讲座：政府合同审查与法律风险防范', laws: [LAW.civilCode] },
  { title: '法治专题讲座：《保障中小企业款项支付条例》解读', laws: [LAW.smePayment] },
  { title: '法治专题讲座：数据安全与个人信息保护', laws: [LAW.dataSecurity, LAW.privacy] },
  { title: '法治专题讲座：行政许可与优化营商环境', laws: [LAW.licensing, LAW.business] },
]
export const WARNING_EVENTS: readonly { title: string; hours: number; laws: string[]; organizer: string }[] = [
  { title: '组织观看警示教育专题片', hours: 1.5, laws: [LAW.partyDiscipline], organizer: '机关党委' },
  { title: '参观廉政教育基地', hours: 3, laws: [LAW.partyIntegrity], organizer: '机关党委' },
  { title: '违纪违法典型案例警示教育会', hours: 2, laws: [LAW.partyDiscipline, LAW.sanctions], organizer: '机关纪委' },
  { title: '观看职务犯罪警示教育片', hours: 1.5, laws: [LAW.supervision], organizer: '机关纪委' },
]
export const OTHER_EVENTS: readonly { month: number; day: number; title: string; laws: string[] }[] = [
  { month: 4, day: 15, title: '参加“4·15”全民国家安全教育日主题宣传活动', laws: [LAW.nationalSecurity] },
  { month: 12, day: 4, title: '参加“12·4”国家宪法日宪法宣传活动', laws: [LAW.constitution] },
]

export interface TrainingPlan {
  title: (year: number) => string
  days: number
  /** Hours for a one-day plan of half a day. */
  hours?: number
  category: TrainingCategory
  laws: string[]
  organizer: string
  months: [number, number]
}
export const TRAININGS: readonly TrainingPlan[][] = [
  // Variant A (e.g. last year)
  [
    { title: (y) => `${y}年度行政执法人员业务培训班`, days: 3, category: 'enforcementSkill', laws: [LAW.penalty, LAW.coercion, LAW.licensing], organizer: '法规股', months: [4, 5] },
    { title: () => '《中华人民共和国行政处罚法》专题培训', days: 1, category: 'publicLaw', laws: [LAW.penalty], organizer: '法规股', months: [6, 7] },
    { title: () => '安全生产监管执法业务培训', days: 1, category: 'business', laws: [LAW.workSafety], organizer: '综合业务股', months: [8, 9] },
    { title: () => '行政执法文书制作与案卷评查培训', days: 1, hours: 3, category: 'enforcementSkill', laws: [LAW.penalty], organizer: '法规股', months: [10, 11] },
  ],
  // Variant B (e.g. the current year)
  [
    { title: (y) => `${y}年度行政执法人员业务培训班`, days: 2, category: 'enforcementSkill', laws: [LAW.penalty, LAW.coercion], organizer: '法规股', months: [3, 5] },
    { title: () => '《中华人民共和国行政复议法》专题培训', days: 1, category: 'publicLaw', laws: [LAW.reconsideration, LAW.litigation], organizer: '法规股', months: [6, 7] },
    { title: () => '工业和信息化业务知识培训', days: 1, category: 'business', laws: [LAW.energy, LAW.sme], organizer: '综合业务股', months: [8, 9] },
    { title: () => '行政执法证件管理与执法规范化培训', days: 1, hours: 3, category: 'enforcementSkill', laws: [LAW.licensing], organizer: '法规股', months: [10, 11] },
  ],
]

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔汤'
export const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉兰萍红鹏辉建国文志海林晓俊斌宇浩婷雪琳慧丹颖倩欣怡佳思嘉梓涵雨晨博振永春秋梅凤燕莉宏亮飞峰波鑫彬健成荣新德清锋良民立云晶妍琪蕾璐瑶婧家耀威炜锦昊睿哲铭航泽楠'

export const LEADER_TITLES = ['局长', '副局长', '副局长', '副局长', '纪检组长', '副局长', '总经济师', '一级调研员', '二级调研员', '三级调研员', '四级调研员', '副局长']
export const OFFICE_TITLES = ['一级科员', '二级科员', '四级主任科员', '三级主任科员', '科员', '一级主任科员']
export const ENFORCEMENT_TITLES = ['一级行政执法员', '二级行政执法员', '四级主任科员', '三级主任科员', '科员', '执法队员']
export const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六', '二十七', '二十八', '二十九', '三十']
export const EXTRA_OFFICES = [
  '人事股', '财务审计股', '规划发展股', '行政审批股', '安全生产股', '信息化推进股', '产业发展股', '中小企业股',
  '科技创新股', '节能监察股', '商贸流通股', '对外经济股', '政策研究室', '信访办', '机关党委办公室', '统计信息股',
  '项目管理股', '应急管理股', '档案室', '后勤服务中心', '招商服务股', '数字经济股', '技术改造股', '军民融合股',
  '民营经济股', '电力能源股', '外贸服务股', '质量监管股', '投资服务股', '培训中心',
]
export const TOWNS = [
  '东城', '西城', '南城', '北城', '城关', '江南', '江北', '河东', '河西', '新城', '高新', '临港', '沙坪', '大河', '青山',
  '白石', '龙湾', '石门', '长岭', '平安', '金沙', '古镇', '双桥', '水口', '塘口', '三江', '桥头', '横岗', '石岭', '云山',
]
export const PLATFORMS = ['学习强国', '法宣在线', '中国普法网'] as const
