/**
 * An example of each operation — request, success body, path parameters — as the
 * document shows them. The examples of the chain's operations (packs, inspection, hazard,
 * command, queue, stats, outbox, audit, evidence) are the real answers of one run on the
 * test server — the demo-kitchen pack, a fixed clock — written here by
 * `packages/http/test/operation-examples.test.ts`, which fails when core or the API answer
 * otherwise (re-write with `UPDATE_OPERATION_EXAMPLES=1`). The pack schema and OpenAPI examples
 * are abridged; the document endpoints' are written by hand. The contract tests check each
 * one against its schema, strictly.
 *
 * @module
 */

/** Examples of one operation. */
export interface OperationExamples {
  request?: unknown;
  response?: unknown;
  /** Values of path parameters, by name. */
  parameters?: Readonly<Record<string, string>>;
}

/** Examples by operationId. */
export const OPERATION_EXAMPLES: Readonly<Record<string, OperationExamples>> = {
  listPacks: {
    response: {
      items: [
        {
          id: 'demo-kitchen',
          version: '0.1.0',
          domain: 'gas',
          title: {
            'zh-CN': '餐饮厨房燃气安全（示例）',
            en: 'Restaurant kitchen gas safety (example)',
          },
          description: {
            'zh-CN': '用于演示检查表格式的小型示例，不用于执法。',
            en: 'A small example that shows the pack format. Not for enforcement use.',
          },
          premises: [
            {
              id: 'restaurant',
              label: {
                'zh-CN': '餐饮场所',
                en: 'Restaurant',
              },
            },
            {
              id: 'canteen',
              label: {
                'zh-CN': '单位食堂',
                en: 'Canteen',
              },
            },
          ],
          facts: 6,
          items: 4,
        },
      ],
    },
  },
  getPack: {
    response: {
      format: 'anjian/pack@1',
      id: 'demo-kitchen',
      version: '0.1.0',
      domain: 'gas',
      title: {
        'zh-CN': '餐饮厨房燃气安全（示例）',
        en: 'Restaurant kitchen gas safety (example)',
      },
      description: {
        'zh-CN': '用于演示检查表格式的小型示例，不用于执法。',
        en: 'A small example that shows the pack format. Not for enforcement use.',
      },
      issuer: {
        'zh-CN': 'anjian 示例',
        en: 'anjian examples',
      },
      premises: [
        {
          id: 'restaurant',
          label: {
            'zh-CN': '餐饮场所',
            en: 'Restaurant',
          },
        },
        {
          id: 'canteen',
          label: {
            'zh-CN': '单位食堂',
            en: 'Canteen',
          },
        },
      ],
      regulations: [
        {
          id: 'jcg-2023-4',
          title: {
            'zh-CN': '城镇燃气经营安全重大隐患判定标准',
            en: 'Criteria for determining major hazards in urban gas operation',
          },
          number: '建城规〔2023〕4号',
          edition: '2023',
          status: 'current',
          confidence: 'verified',
          determination: true,
        },
        {
          id: 'gb-50028',
          title: {
            'zh-CN': '城镇燃气设计规范',
            en: 'Code for design of city gas engineering',
          },
          number: 'GB 50028-2006',
          edition: '2006 (2020 ed.)',
          status: 'current',
          confidence: 'unverified',
        },
      ],
      facts: [
        {
          id: 'gas_type',
          type: 'enum',
          label: {
            'zh-CN': '使用的燃气种类',
            en: 'Gas used',
          },
          required: true,
          options: [
            {
              value: 'natural_gas',
              label: {
                'zh-CN': '管道天然气',
                en: 'Piped natural gas',
              },
            },
            {
              value: 'lpg',
              label: {
                'zh-CN': '瓶装液化石油气',
                en: 'Bottled LPG',
              },
            },
          ],
        },
        {
          id: 'below_ground',
          type: 'boolean',
          label: {
            'zh-CN': '用气场所位于地下或半地下',
            en: 'Gas is used below ground or half below ground',
          },
          required: true,
        },
        {
          id: 'alarm_installed',
          type: 'boolean',
          label: {
            'zh-CN': '安装可燃气体报警器',
            en: 'Combustible-gas alarm installed',
          },
          required: true,
        },
        {
          id: 'alarm_working',
          type: 'boolean',
          label: {
            'zh-CN': '报警器工作正常',
            en: 'The alarm works',
          },
          hint: {
            'zh-CN': '按下测试键，应发出声光报警。',
            en: 'Press the test button; it should sound and flash.',
          },
          required: true,
          when: {
            fact: 'alarm_installed',
            operator: 'equal',
            value: true,
          },
        },
        {
          id: 'hose_length_m',
          type: 'number',
          unit: 'm',
          min: 0,
          max: 50,
          label: {
            'zh-CN': '连接软管长度',
            en: 'Length of the connecting hose',
          },
          required: true,
        },
        {
          id: 'cylinders_on_site',
          type: 'count',
          max: 200,
          label: {
            'zh-CN': '现场液化气钢瓶数量',
            en: 'LPG cylinders on site',
          },
          when: {
            condition: 'uses_lpg',
          },
          required: false,
        },
      ],
      conditions: {
        uses_lpg: {
          fact: 'gas_type',
          operator: 'equal',
          value: 'lpg',
        },
      },
      composites: [
        {
          id: 'DEMO-C1',
          level: 'general',
          title: {
            'zh-CN': '多项燃气安全缺陷并存',
            en: 'Several gas-safety defects at once',
          },
          atLeast: 2,
          of: ['DEMO-002-H1', 'DEMO-003-H1', 'DEMO-004-H1'],
          basis: [
            {
              regulation: 'gb-50028',
              clause: '10.8',
            },
          ],
          rectification: {
            'zh-CN': '制定整改计划，逐项整改。',
            en: 'Make a rectification plan and fix each defect.',
          },
          deadline: {
            workingDays: 10,
          },
          party: 'user',
        },
      ],
      sections: [
        {
          id: 'lpg',
          title: {
            'zh-CN': '液化石油气',
            en: 'Bottled LPG',
          },
          items: [
            {
              id: 'DEMO-001',
              title: {
                'zh-CN': '地下场所不得使用液化石油气',
                en: 'No LPG below ground',
              },
              asks: ['gas_type', 'below_ground'],
              hazards: [
                {
                  id: 'DEMO-001-H1',
                  level: 'major',
                  title: {
                    'zh-CN': '在地下或半地下使用液化石油气',
                    en: 'LPG used below ground',
                  },
                  when: {
                    all: [
                      {
                        condition: 'uses_lpg',
                      },
                      {
                        fact: 'below_ground',
                        operator: 'equal',
                        value: true,
                      },
                    ],
                  },
                  basis: [
                    {
                      regulation: 'jcg-2023-4',
                      clause: '第九条',
                    },
                  ],
                  rectification: {
                    'zh-CN': '立即停止使用，撤出钢瓶，改用管道天然气或电。',
                    en: 'Stop at once, remove the cylinders, switch to piped gas or electricity.',
                  },
                  party: 'user',
                },
              ],
            },
            {
              id: 'DEMO-004',
              title: {
                'zh-CN': '钢瓶存放数量',
                en: 'Number of cylinders kept',
              },
              asks: ['cylinders_on_site'],
              when: {
                condition: 'uses_lpg',
              },
              hazards: [
                {
                  id: 'DEMO-004-H1',
                  level: 'general',
                  title: {
                    'zh-CN': '现场存放钢瓶过多',
                    en: 'Too many cylinders kept on site',
                  },
                  when: {
                    fact: 'cylinders_on_site',
                    operator: 'greaterThan',
                    value: 2,
                  },
                  basis: [
                    {
                      regulation: 'gb-50028',
                      clause: '10.8.2',
                    },
                  ],
                  deadline: {
                    workingDays: 3,
                  },
                  party: 'user',
                },
              ],
            },
          ],
        },
        {
          id: 'alarm',
          title: {
            'zh-CN': '报警与切断',
            en: 'Alarm and shut-off',
          },
          items: [
            {
              id: 'DEMO-002',
              title: {
                'zh-CN': '可燃气体报警器',
                en: 'Combustible-gas alarm',
              },
              asks: ['alarm_installed', 'alarm_working'],
              hazards: [
                {
                  id: 'DEMO-002-H1',
                  level: 'general',
                  title: {
                    'zh-CN': '未安装可燃气体报警器',
                    en: 'No combustible-gas alarm',
                  },
                  when: {
                    fact: 'alarm_installed',
                    operator: 'equal',
                    value: false,
                  },
                  basis: [
                    {
                      regulation: 'gb-50028',
                      clause: '10.8.3',
                    },
                  ],
                  rectification: {
                    'zh-CN': '安装可燃气体报警器并与紧急切断阀联锁。',
                    en: 'Install a combustible-gas alarm linked to an emergency shut-off valve.',
                  },
                  deadline: {
                    workingDays: 7,
                  },
                  party: 'user',
                },
                {
                  id: 'DEMO-002-H2',
                  level: 'general',
                  title: {
                    'zh-CN': '报警器失效',
                    en: 'Alarm does not work',
                  },
                  when: {
                    all: [
                      {
                        fact: 'alarm_installed',
                        operator: 'equal',
                        value: true,
                      },
                      {
                        fact: 'alarm_working',
                        operator: 'equal',
                        value: false,
                      },
                    ],
                  },
                  basis: [
                    {
                      regulation: 'gb-50028',
                      clause: '10.8.3',
                    },
                  ],
                  deadline: {
                    workingDays: 3,
                  },
                  party: 'user',
                },
              ],
            },
            {
              id: 'DEMO-003',
              title: {
                'zh-CN': '连接软管',
                en: 'Connecting hose',
              },
              asks: ['hose_length_m'],
              hazards: [
                {
                  id: 'DEMO-003-H1',
                  level: 'simple',
                  title: {
                    'zh-CN': '软管超长',
                    en: 'Hose too long',
                  },
                  when: {
                    fact: 'hose_length_m',
                    operator: 'greaterThan',
                    value: 2,
                  },
                  basis: [
                    {
                      regulation: 'gb-50028',
                      clause: '10.7.5',
                    },
                  ],
                  rectification: {
                    'zh-CN': '当场更换为不超过 2 米的专用软管。',
                    en: 'Replace on the spot with a gas hose no longer than 2 m.',
                  },
                  deadline: 'immediate',
                  party: 'user',
                },
              ],
            },
          ],
        },
      ],
    },
    parameters: {
      id: 'demo-kitchen',
    },
  },
  getPackSchema: {
    response: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:anjian:schema:pack',
      title: 'anjian checklist pack / 安检检查表',
    },
  },
  submitInspection: {
    request: {
      pack: 'demo-kitchen',
      premises: 'restaurant',
      inspectedAt: '2026-11-02T09:00:00+08:00',
      subject: {
        enterpriseId: 'E1',
        name: '老王饭店',
      },
      findings: {
        gas_type: 'natural_gas',
        below_ground: false,
        alarm_installed: false,
        hose_length_m: 1.5,
      },
    },
    response: {
      classification: {
        pack: {
          id: 'demo-kitchen',
          version: '0.1.0',
        },
        items: [
          {
            item: 'DEMO-001',
            section: 'lpg',
            outcome: 'pass',
            hazards: [],
          },
          {
            item: 'DEMO-004',
            section: 'lpg',
            outcome: 'not_applicable',
            hazards: [],
          },
          {
            item: 'DEMO-002',
            section: 'alarm',
            outcome: 'hazard',
            hazards: ['DEMO-002-H1'],
            level: 'general',
          },
          {
            item: 'DEMO-003',
            section: 'alarm',
            outcome: 'pass',
            hazards: [],
          },
        ],
        hazards: [
          {
            rule: 'DEMO-002-H1',
            item: 'DEMO-002',
            kind: 'rule',
            level: 'general',
            provisional: true,
            party: 'user',
            title: {
              'zh-CN': '未安装可燃气体报警器',
              en: 'No combustible-gas alarm',
            },
            basis: [
              {
                regulation: 'gb-50028',
                clause: '10.8.3',
                number: 'GB 50028-2006',
                edition: '2006 (2020 ed.)',
                title: {
                  'zh-CN': '城镇燃气设计规范',
                  en: 'Code for design of city gas engineering',
                },
                status: 'current',
                confidence: 'unverified',
              },
            ],
            deadline: {
              workingDays: 7,
            },
            observations: [
              {
                fact: 'alarm_installed',
                operator: 'equal',
                actual: false,
                expected: false,
              },
            ],
            explanation: {
              'zh-CN': '未安装可燃气体报警器。安装可燃气体报警器：否。',
              en: 'No combustible-gas alarm. Combustible-gas alarm installed: no.',
            },
            rectification: {
              'zh-CN': '安装可燃气体报警器并与紧急切断阀联锁。',
              en: 'Install a combustible-gas alarm linked to an emergency shut-off valve.',
            },
          },
        ],
        summary: {
          items: {
            pass: 2,
            hazard: 1,
            not_applicable: 1,
            not_checked: 0,
          },
          hazards: {
            simple: 0,
            general: 1,
            major: 0,
          },
          provisional: 1,
          highest: 'general',
        },
        premises: 'restaurant',
        inspectedAt: '2026-11-02T09:00:00+08:00',
        asOf: '2026-11-02',
      },
      warnings: [],
      reports: [
        {
          rule: 'DEMO-002-H1',
          hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
          ok: true,
          version: 1,
        },
      ],
    },
  },
  listHazards: {
    response: {
      items: [
        {
          hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
          version: 2,
          status: 'rectifying',
          level: 'general',
          provisional: true,
          domain: 'gas',
          area: 'D1/G1',
          enterpriseId: 'E1',
          deadline: '2026-11-11T15:59:59.999Z',
          createdAt: '2026-11-02T01:00:00.000Z',
          updatedAt: '2026-11-02T01:00:00.000Z',
        },
      ],
      next: null,
    },
  },
  getHazard: {
    response: {
      state: {
        hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
        version: 2,
        status: 'rectifying',
        level: 'general',
        provisional: true,
        title: {
          en: 'No combustible-gas alarm',
          'zh-CN': '未安装可燃气体报警器',
        },
        domain: 'gas',
        area: 'D1/G1',
        enterpriseId: 'E1',
        unitId: null,
        source: 'self_check',
        pack: {
          id: 'demo-kitchen',
          version: '0.1.0',
        },
        deadlinePolicy: {
          workingDays: 7,
        },
        reporterId: 'owner-e1',
        manual: false,
        wasMajor: false,
        rectifierIds: [],
        reportEvidence: [],
        rectificationEvidence: [],
        rectificationSubmittedAt: null,
        evidenceIds: [],
        evidenceHashes: [],
        noticeIssuedAt: '2026-11-02T01:00:00.000Z',
        deadline: '2026-11-11T15:59:59.999Z',
        pendingExtension: null,
        warnedFor: null,
        overdueNoticedFor: null,
        escalatedFor: null,
        caseFiledAt: null,
        caseNo: null,
        listed: false,
        stopWork: null,
        plan: null,
        planApproved: false,
        acceptedBy: null,
        acceptedOfficers: [],
        acceptedAt: null,
        closedBy: null,
        closedAt: null,
        reopenCount: 0,
        createdAt: '2026-11-02T01:00:00.000Z',
        updatedAt: '2026-11-02T01:00:00.000Z',
        lastOccurredAt: '2026-11-02T01:00:00.000Z',
        lastHash: '2937ead326b7540d0efb51c9d98ad9b8f6e286174ebb887a3be2817b30357d8c',
      },
      history: [
        {
          id: 'hz-6dc6c4b9b45c5aebb531c179/1',
          hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
          version: 1,
          type: 'reported',
          actor: {
            id: 'owner-e1',
            role: 'enterprise',
          },
          commandId: 'hz-6dc6c4b9b45c5aebb531c179:report',
          recordedAt: '2026-11-02T01:00:00.000Z',
          occurredAt: '2026-11-02T01:00:00.000Z',
          pack: {
            id: 'demo-kitchen',
            version: '0.1.0',
          },
          data: {
            area: 'D1/G1',
            basis: [
              {
                clause: '10.8.3',
                confidence: 'unverified',
                edition: '2006 (2020 ed.)',
                number: 'GB 50028-2006',
                regulation: 'gb-50028',
                status: 'current',
                title: {
                  en: 'Code for design of city gas engineering',
                  'zh-CN': '城镇燃气设计规范',
                },
              },
            ],
            deadline: {
              workingDays: 7,
            },
            domain: 'gas',
            enterpriseId: 'E1',
            evidence: [],
            findings: [
              {
                basis: [
                  {
                    clause: '10.8.3',
                    confidence: 'unverified',
                    edition: '2006 (2020 ed.)',
                    number: 'GB 50028-2006',
                    regulation: 'gb-50028',
                    status: 'current',
                    title: {
                      en: 'Code for design of city gas engineering',
                      'zh-CN': '城镇燃气设计规范',
                    },
                  },
                ],
                deadline: {
                  workingDays: 7,
                },
                explanation: {
                  en: 'No combustible-gas alarm. Combustible-gas alarm installed: no.',
                  'zh-CN': '未安装可燃气体报警器。安装可燃气体报警器：否。',
                },
                item: 'DEMO-002',
                kind: 'rule',
                level: 'general',
                observations: [
                  {
                    actual: false,
                    expected: false,
                    fact: 'alarm_installed',
                    operator: 'equal',
                  },
                ],
                party: 'user',
                provisional: true,
                rectification: {
                  en: 'Install a combustible-gas alarm linked to an emergency shut-off valve.',
                  'zh-CN': '安装可燃气体报警器并与紧急切断阀联锁。',
                },
                rule: 'DEMO-002-H1',
                title: {
                  en: 'No combustible-gas alarm',
                  'zh-CN': '未安装可燃气体报警器',
                },
              },
            ],
            level: 'general',
            pack: {
              id: 'demo-kitchen',
              version: '0.1.0',
            },
            provisional: true,
            runningDeadline: '2026-11-11T15:59:59.999Z',
            source: 'self_check',
            title: {
              en: 'No combustible-gas alarm',
              'zh-CN': '未安装可燃气体报警器',
            },
          },
          prevHash: '0000000000000000000000000000000000000000000000000000000000000000',
          hash: '14eac2571b9b55b559d33767e11038eb7f424aa59f18bf3c4230a8d3719968e9',
          seq: 1,
        },
        {
          id: 'hz-6dc6c4b9b45c5aebb531c179/2',
          hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
          version: 2,
          type: 'notice_issued',
          actor: {
            id: 'grid-g1',
            role: 'grid',
          },
          commandId: 'notice-1',
          recordedAt: '2026-11-02T01:00:00.000Z',
          occurredAt: '2026-11-02T01:00:00.000Z',
          pack: {
            id: 'demo-kitchen',
            version: '0.1.0',
          },
          data: {
            deadline: '2026-11-11T15:59:59.999Z',
            policy: {
              workingDays: 7,
            },
          },
          prevHash: '14eac2571b9b55b559d33767e11038eb7f424aa59f18bf3c4230a8d3719968e9',
          hash: '2937ead326b7540d0efb51c9d98ad9b8f6e286174ebb887a3be2817b30357d8c',
          seq: 2,
        },
      ],
      caseNumber: null,
      penaltyReplyPeriod: null,
      penaltyReplyPeriodUnavailable: null,
      access: 'full',
    },
    parameters: {
      id: 'hz-6dc6c4b9b45c5aebb531c179',
    },
  },
  sendCommand: {
    request: {
      type: 'issue_notice',
    },
    response: {
      hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
      version: 2,
      events: [
        {
          id: 'hz-6dc6c4b9b45c5aebb531c179/2',
          hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
          version: 2,
          type: 'notice_issued',
          actor: {
            id: 'grid-g1',
            role: 'grid',
          },
          commandId: 'notice-1',
          recordedAt: '2026-11-02T01:00:00.000Z',
          occurredAt: '2026-11-02T01:00:00.000Z',
          pack: {
            id: 'demo-kitchen',
            version: '0.1.0',
          },
          data: {
            deadline: '2026-11-11T15:59:59.999Z',
            policy: {
              workingDays: 7,
            },
          },
          prevHash: '14eac2571b9b55b559d33767e11038eb7f424aa59f18bf3c4230a8d3719968e9',
          hash: '2937ead326b7540d0efb51c9d98ad9b8f6e286174ebb887a3be2817b30357d8c',
          seq: 2,
        },
      ],
    },
    parameters: {
      id: 'hz-6dc6c4b9b45c5aebb531c179',
    },
  },
  uploadHazardEvidence: {
    response: {
      id: 'ev-c21be19376b306848c2dba56e247c93c',
      sha256: 'c21be19376b306848c2dba56e247c93c626dc50ede4aae758e990a74fdb1bff8',
      mime: 'image/jpeg',
      size: 12,
      uploaderId: 'owner-e1',
      hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
      receivedAt: '2026-11-02T01:00:00.000Z',
    },
    parameters: {
      id: 'hz-6dc6c4b9b45c5aebb531c179',
    },
  },
  issueCoSignCode: {
    request: { act: 'notify_penalty', content: { penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 } } },
    response: {
      code: '40718263',
      act: 'notify_penalty',
      hazardId: 'hz-3f1c9a0b7e2d4c5a9b1e',
      expiresAt: '2026-11-02T01:05:00.000Z',
      content: {
        facts: {
          enterpriseId: 'E1',
          title: { 'zh-CN': '液化石油气钢瓶存放在地下室', en: 'LPG cylinders stored below ground' },
          level: 'major',
          provisional: false,
          domain: 'gas',
          pack: { id: 'demo-kitchen', version: '1.0.0' },
          evidence: ['ev-23e5c96c789570b1a740a7463526bb84'],
        },
        penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 },
      },
    },
    parameters: { id: 'hz-3f1c9a0b7e2d4c5a9b1e' },
  },
  issueReportCoSignCode: {
    request: { act: 'report' },
    response: { code: '93015847', act: 'report', enterpriseId: 'E1', expiresAt: '2026-11-02T01:05:00.000Z', content: {} },
    parameters: { id: 'E1' },
  },
  uploadEvidence: {
    response: {
      id: 'ev-23e5c96c789570b1a740a7463526bb84',
      sha256: '23e5c96c789570b1a740a7463526bb846d97506642e12a6a5e6b9b3b7a90cd5f',
      mime: 'image/jpeg',
      size: 11,
      uploaderId: 'owner-e1',
      hazardId: null,
      receivedAt: '2026-11-02T01:00:00.000Z',
    },
  },
  getEvidence: {
    parameters: {
      id: 'ev-23e5c96c789570b1a740a7463526bb84',
    },
  },
  getReport: {
    parameters: {
      kind: 'monthly',
    },
  },
  getQueue: {
    response: {
      role: 'enterprise',
      items: [
        {
          hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
          version: 2,
          status: 'rectifying',
          level: 'general',
          provisional: true,
          domain: 'gas',
          area: 'D1/G1',
          enterpriseId: 'E1',
          deadline: '2026-11-11T15:59:59.999Z',
          createdAt: '2026-11-02T01:00:00.000Z',
          updatedAt: '2026-11-02T01:00:00.000Z',
        },
      ],
    },
    parameters: {
      role: 'enterprise',
    },
  },
  getStats: {
    response: {
      total: 1,
      byLevel: {
        simple: 0,
        general: 1,
        major: 0,
      },
      byStatus: {
        reported: 0,
        rectifying: 1,
        submitted: 0,
        verified: 0,
        escalated: 0,
        case_filed: 0,
        accepted: 0,
        closed: 0,
      },
      byDomain: {
        gas: 1,
      },
      closed: 0,
      closureRate: 0,
      overdue: 0,
      periods: [
        {
          period: '2026-11',
          total: 1,
          closed: 0,
          closureRate: 0,
        },
      ],
    },
  },
  getOutbox: {
    response: {
      status: {
        pending: 2,
        retrying: 0,
        leased: 0,
        delivered: 0,
        dead: 0,
        oldestPendingAt: '2026-11-02T01:00:00.000Z',
        nextRetryAt: null,
      },
      deadLetters: [],
    },
  },
  verifyAudit: {
    response: {
      ok: true,
      checked: {
        events: 2,
        hazards: 1,
        projectionRows: 1,
        outboxMessages: 2,
        denials: 0,
        checkpoints: 0,
        signatures: false,
        documents: 0,
        documentTrail: 0,
      },
      head: 'ec53ea454d58b02514a908f0d178e6595a0d9f4a0446537e4153575a209bc0c6',
      problems: [],
      documents: [],
      verifiedAt: '2026-11-02T01:00:00.000Z',
    },
  },
  getHazardAudit: {
    response: {
      hazardId: 'hz-6dc6c4b9b45c5aebb531c179',
      version: 2,
      verifiedAt: '2026-11-02T01:00:00.000Z',
      ok: true,
      chain: {
        ok: true,
      },
      projection: {
        ok: true,
      },
      checkpoint: null,
      documents: [],
      lastFullAudit: {
        verifiedAt: '2026-11-02T01:00:00.000Z',
        ok: true,
        problems: [],
      },
    },
    parameters: {
      id: 'hz-6dc6c4b9b45c5aebb531c179',
    },
  },
  getOpenApi: {
    response: {
      openapi: '3.1.0',
      info: {
        title: 'anjian HTTP API / 安检 HTTP 接口',
        version: '0.1.0',
      },
      paths: {},
      components: {},
    },
  },
  listHazardDocuments: {
    parameters: {
      id: 'H-DOC',
    },
    response: {
      items: [
        {
          kind: 'rectification_notice',
          issuedBy: 'grid',
          number: '（东）应急隐改〔2026〕1号',
          jurisdiction: 'D1',
          year: 2026,
          seq: 1,
          eventId: 'H-DOC/2',
          issuedAt: '2026-11-02T01:00:00.000Z',
          verificationCode: 'TTCBZ-W9M8D',
          contentHash: '3e98bff1344374a7cc639e980c04fd314127ad6e192ab41d25f4f81fe883275a',
        },
      ],
    },
  },
  renderHazardDocument: {
    parameters: {
      id: 'H-DOC',
      kind: 'rectification_notice',
    },
  },
  verifyDocument: {
    parameters: {
      code: 'TTCBZ-W9M8D',
    },
    response: {
      status: 'unchanged',
      document: {
        kind: 'rectification_notice',
        number: '（东）应急隐改〔2026〕1号',
        issuedAt: '2026-11-02T01:00:00.000Z',
        contentHash: '3e98bff1344374a7cc639e980c04fd314127ad6e192ab41d25f4f81fe883275a',
        hashedAt: '2026-11-02T01:00:00.000Z',
      },
    },
  },
  recordDocumentService: {
    parameters: {
      id: 'H-DOC',
      kind: 'rectification_order',
      number: '2026-1',
    },
    request: {
      method: 'direct',
      recipient: '王建国',
    },
    response: {
      number: '（东）应急责改〔2026〕1号',
      type: 'served',
      method: 'direct',
      recipient: '王建国',
      servedAt: '2026-11-02T01:00:00.000Z',
      recordedBy: 'officer2-gas-d1',
      recordedAt: '2026-11-02T01:00:00.000Z',
    },
  },
  recordDocumentReceipt: {
    parameters: {
      id: 'H-DOC',
      kind: 'rectification_order',
      number: '2026-1',
    },
    request: {
      outcome: 'refused',
      witness: '刘芳',
      witnessRole: '和平里社区居委会工作人员',
      refusedOn: '2026-11-02',
      note: '负责人拒绝签字，文书留置现场',
    },
    response: {
      number: '（东）应急责改〔2026〕1号',
      type: 'refused',
      witness: '刘芳',
      witnessRole: '和平里社区居委会工作人员',
      refusedOn: '2026-11-02',
      note: '负责人拒绝签字，文书留置现场',
      recordedBy: 'officer-gas-d1',
      recordedAt: '2026-11-02T01:00:00.000Z',
    },
  },
  issueDocument: {
    parameters: {
      id: 'H-DOC',
      kind: 'rectification_order',
      number: '2026-1',
    },
    response: {
      number: '（东）应急责改〔2026〕1号',
      verificationCode: 'TTCBZ-W9M8D',
      contentHash: '3e98bff1344374a7cc639e980c04fd314127ad6e192ab41d25f4f81fe883275a',
      hashedAt: '2026-11-02T01:00:00.000Z',
    },
  },
  voidDocument: {
    parameters: {
      id: 'H-DOC',
      kind: 'rectification_order',
      number: '2026-1',
    },
    request: {
      reason: '被检查单位名称有误',
    },
    response: {
      number: '（东）应急责改〔2026〕1号',
      voided: {
        at: '2026-11-02T01:00:00.000Z',
        reason: '被检查单位名称有误',
        actorId: 'officer-gas-d1',
      },
    },
  },
  verifyDocumentPdf: {
    parameters: {
      code: 'TTCBZ-W9M8D',
    },
    response: {
      status: 'altered',
      document: {
        kind: 'rectification_order',
        number: '（东）应急责改〔2026〕1号',
        issuedAt: '2026-11-02T01:00:00.000Z',
        contentHash: '3e98bff1344374a7cc639e980c04fd314127ad6e192ab41d25f4f81fe883275a',
        hashedAt: '2026-11-02T01:00:00.000Z',
      },
    },
  },
};
