/**
 * The templates that ship with Jianggao, drawn from the corpus speeches (corpus/speeches): the openings
 * 「同志们：…下面，我讲几点意见。」, the closings 「同志们，…」「我就讲这些，谢谢大家！」, section scaffolds in
 * GB/T 9704 levels, enumeration runs (一是/第一/一要) and whole-speech skeletons.
 *
 * Versioning: every built-in carries the `builtinVersion` in which its current text was written. On load
 * the store adds a built-in it does not have and rewrites one whose stored version is older, keeping the
 * writer's 隐藏 choice; the writer's own templates are never touched. To change a built-in's text, bump
 * its `builtinVersion` (and BUILTIN_TEMPLATES_VERSION); never reuse or rename an id.
 */
import type { TemplateCategory, TemplateRecord } from './types';
import { parseVariables } from './variables';

/** The newest `builtinVersion` among the built-ins of this release. */
export const BUILTIN_TEMPLATES_VERSION = 1;

interface BuiltinSpec {
  id: string;
  name: string;
  category: TemplateCategory;
  lines: string[];
  version?: number;
}

const SPECS: readonly BuiltinSpec[] = [
  // —— 开头 ——
  {
    id: 'builtin-opening-study',
    name: '同志们：传达学习开场',
    category: '开头',
    lines: [
      '同志们：',
      '刚才，我们认真学习了{{学习内容}}，相信大家感触深刻、收获很多。下面，就如何学习贯彻{{精神名称}}，我讲几点意见。',
    ],
  },
  {
    id: 'builtin-opening-meeting',
    name: '同志们：工作会议开场',
    category: '开头',
    lines: [
      '同志们：',
      '今天，我们召开{{会议名称}}，主要任务是{{会议任务}}。刚才，{{发言情况}}，讲得很好，我完全同意。下面，我讲几点意见。',
    ],
  },
  {
    id: 'builtin-opening-emphasis',
    name: '同志们：强调几点开场',
    category: '开头',
    lines: [
      '同志们：',
      '刚才，我们学习了{{学习内容}}。{{工作事项}}事关全局、意义重大，必须抓紧抓实抓好。为此，我再强调以下几点：',
    ],
  },
  {
    id: 'builtin-opening-commendation',
    name: '同志们：总结表彰开场',
    category: '开头',
    lines: [
      '同志们：',
      '今天，我们召开{{会议名称}}，主要是总结{{时间段}}工作，表彰先进，部署下一阶段任务。首先，我代表{{单位名称}}，向受到表彰的先进集体和先进个人表示热烈的祝贺！向辛勤工作在各条战线上的同志们表示衷心的感谢！',
    ],
  },
  {
    id: 'builtin-opening-seminar',
    name: '各位领导、同志们：研讨交流开场',
    category: '开头',
    lines: [
      '各位领导、同志们：',
      '今天参加{{会议名称}}，和大家一起重温了{{学习内容}}，感觉思想和认识得到了再提高、再提升、再洗礼。结合学习情况和{{单位名称}}工作实际，现向各位领导、同志们汇报学习心得如下。',
    ],
  },

  // —— 结尾 ——
  {
    id: 'builtin-closing-thanks',
    name: '我就讲这些，谢谢大家！',
    category: '结尾',
    lines: ['我就讲这些，谢谢大家！'],
  },
  {
    id: 'builtin-closing-rally',
    name: '同志们，…交出优异答卷（号召结尾）',
    category: '结尾',
    lines: [
      '同志们，{{工作事项}}意义重大、责任重大。我们要更加紧密地团结在以习近平同志为核心的党中央周围，以更高站位、更实举措、更严标准、更实作风埋头苦干、勇毅前行，为{{奋斗目标}}交出新的更加优异的答卷！',
      '我就讲这些，谢谢大家！',
    ],
  },
  {
    id: 'builtin-closing-implement',
    name: '同志们，会后抓好贯彻落实（部署结尾）',
    category: '结尾',
    lines: [
      '同志们，{{年度或阶段}}的目标任务已经明确，关键在于抓落实。会后，各级各部门要认真传达学习本次会议精神，结合实际细化措施、压实责任，确保各项工作部署落地见效，以优异成绩{{奋斗目标}}！',
    ],
  },
  {
    id: 'builtin-closing-unite',
    name: '让我们更加紧密团结（号召结尾）',
    category: '结尾',
    lines: [
      '让我们更加紧密团结在以习近平同志为核心的党中央周围，把思想统一起来，把力量凝聚起来，把责任担当起来，扎扎实实把{{精神名称}}全面落实在{{地区名称}}大地上。',
    ],
  },
  {
    id: 'builtin-closing-seminar',
    name: '以上是我的学习体会，请批评指正（研讨结尾）',
    category: '结尾',
    lines: ['以上是我的学习体会，不妥之处，请各位领导、同志们批评指正。谢谢大家！'],
  },

  // —— 结构 ——
  {
    id: 'builtin-scaffold-3',
    name: '三个部分（一、二、三、）',
    category: '结构',
    lines: ['一、{{第一部分标题}}', '二、{{第二部分标题}}', '三、{{第三部分标题}}'],
  },
  {
    id: 'builtin-scaffold-4',
    name: '四个部分（一、至四、）',
    category: '结构',
    lines: ['一、{{第一部分标题}}', '二、{{第二部分标题}}', '三、{{第三部分标题}}', '四、{{第四部分标题}}'],
  },
  {
    id: 'builtin-scaffold-3x2',
    name: '三个部分各两点（一、下设（一）（二））',
    category: '结构',
    lines: [
      '一、{{第一部分标题}}',
      '（一）{{第一部分第一点}}',
      '（二）{{第一部分第二点}}',
      '二、{{第二部分标题}}',
      '（一）{{第二部分第一点}}',
      '（二）{{第二部分第二点}}',
      '三、{{第三部分标题}}',
      '（一）{{第三部分第一点}}',
      '（二）{{第三部分第二点}}',
    ],
  },
  {
    id: 'builtin-scaffold-levels',
    name: '四级层次（一、（一）1.（1））',
    category: '结构',
    lines: ['一、{{一级标题}}', '（一）{{二级标题}}', '1.{{三级标题}}', '（1）{{四级标题}}'],
  },
  {
    id: 'builtin-points-shi',
    name: '一是、二是、三是（分段）',
    category: '结构',
    lines: ['一是{{第一点}}。', '二是{{第二点}}。', '三是{{第三点}}。'],
  },
  {
    id: 'builtin-points-di',
    name: '第一、第二、第三（分段）',
    category: '结构',
    lines: ['第一，{{第一点}}。', '第二，{{第二点}}。', '第三，{{第三点}}。'],
  },
  {
    id: 'builtin-points-yao',
    name: '一要、二要、三要（同段）',
    category: '结构',
    lines: ['一要{{第一项要求}}。二要{{第二项要求}}。三要{{第三项要求}}。'],
  },
  {
    id: 'builtin-subsection-points',
    name: '（一）小标题加一是二是三是',
    category: '结构',
    lines: ['（一）{{小标题}}。一是{{第一点}}。二是{{第二点}}。三是{{第三点}}。'],
  },

  // —— 整篇 ——
  {
    id: 'builtin-speech-study',
    name: '学习贯彻{{精神名称}}会议上的讲话',
    category: '整篇',
    lines: [
      '同志们：',
      '刚才，我们认真学习了{{精神名称}}，相信大家感触深刻、收获很多。下面，就如何学习贯彻{{精神名称}}，我讲几点意见。',
      '一、深入学习领会{{精神名称}}，切实增强贯彻落实的政治自觉、思想自觉和行动自觉',
      '二、准确把握{{精神名称}}的核心要义，进一步统一思想、凝聚共识',
      '三、广泛深入宣传宣讲，迅速兴起学习宣传贯彻热潮',
      '（一）层层传达学习。一是{{传达学习安排}}。二是{{专题学习安排}}。',
      '（二）集中开展宣讲。',
      '（三）全方位宣传报道。',
      '四、以学习贯彻{{精神名称}}为动力，扎实做好当前各项工作',
      '（一）{{当前重点工作一}}',
      '（二）{{当前重点工作二}}',
      '同志们，学习宣传贯彻{{精神名称}}意义重大、责任重大。我们要以更高站位、更实举措、更严标准、更实作风埋头苦干、勇毅前行，交出新的更加优异的答卷！',
      '我就讲这些，谢谢大家！',
    ],
  },
  {
    id: 'builtin-speech-work',
    name: '工作会议讲话（成绩、形势、任务、保障）',
    category: '整篇',
    lines: [
      '同志们：',
      '今天，我们召开{{会议名称}}，主要任务是总结{{时间段}}工作，分析当前形势，部署{{年度或阶段}}任务。下面，我讲几点意见。',
      '一、肯定成绩，坚定做好{{工作名称}}的信心和决心',
      '二、正视问题，准确把握当前面临的形势和任务',
      '三、突出重点，扎实推进{{年度或阶段}}各项工作',
      '（一）{{重点任务一}}',
      '（二）{{重点任务二}}',
      '（三）{{重点任务三}}',
      '四、强化保障，确保各项任务落地见效',
      '（一）加强组织领导。',
      '（二）压实工作责任。',
      '（三）严格督促检查。',
      '同志们，{{年度或阶段}}的目标任务已经明确，关键在于抓落实。让我们以更加饱满的精神状态、更加务实的工作作风，确保各项目标任务圆满完成！',
      '我就讲这些，谢谢大家！',
    ],
  },
  {
    id: 'builtin-speech-seminar',
    name: '学习研讨交流发言',
    category: '整篇',
    lines: [
      '各位领导、同志们：',
      '今天参加{{会议名称}}，和大家一起重温了{{学习内容}}，感觉思想和认识得到了再提高、再提升、再洗礼。结合学习情况和{{单位名称}}工作实际，现向各位领导、同志们汇报学习心得如下。',
      '一、深刻认识{{学习内容}}的重大意义',
      '二、准确把握{{学习内容}}的核心要义',
      '三、结合实际抓好贯彻落实',
      '一是{{落实举措一}}。',
      '二是{{落实举措二}}。',
      '三是{{落实举措三}}。',
      '以上是我的学习体会，不妥之处，请各位领导、同志们批评指正。谢谢大家！',
    ],
  },
];

/** The built-in templates of this release, as stored records. */
export const BUILTIN_TEMPLATES: readonly TemplateRecord[] = SPECS.map((spec) => {
  const body = spec.lines.join('\n');
  return {
    id: spec.id,
    name: spec.name,
    category: spec.category,
    body,
    variables: parseVariables(body),
    builtin: true,
    builtinVersion: spec.version ?? 1,
    updatedAt: 0,
  };
});
