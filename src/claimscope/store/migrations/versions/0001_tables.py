"""The tables: documents, publications, analyses, every fact table and corpus entities.

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('corpus_entities',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('corpus_entities', schema=None) as batch_op:
        batch_op.create_index('ix_corpus_entities_type', ['type'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('length', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(), nullable=True),
    sa.Column('encoding', sa.String(), nullable=True),
    sa.Column('source_kind', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('first_ingested', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('analyses',
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('pipeline', sa.String(), nullable=False),
    sa.Column('schema_version', sa.String(), nullable=False),
    sa.Column('components', sa.JSON(), nullable=False),
    sa.Column('sentences', sa.Integer(), nullable=False),
    sa.Column('technique_density', sa.JSON(), nullable=False),
    sa.Column('analysed_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document')
    )
    op.create_table('arguments',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(), nullable=True),
    sa.Column('marker', sa.String(), nullable=False),
    sa.Column('argument_ordinal', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('claims', sa.JSON(), nullable=False),
    sa.Column('component', sa.String(), nullable=False),
    sa.Column('component_version', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('arguments', schema=None) as batch_op:
        batch_op.create_index('ix_arguments_document', ['document'], unique=False)

    op.create_table('attributions',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('source_start', sa.Integer(), nullable=True),
    sa.Column('source_end', sa.Integer(), nullable=True),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('source_entity', sa.String(), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=False),
    sa.Column('cue_end', sa.Integer(), nullable=False),
    sa.Column('cue_text', sa.Text(), nullable=False),
    sa.Column('content_start', sa.Integer(), nullable=True),
    sa.Column('content_end', sa.Integer(), nullable=True),
    sa.Column('content_text', sa.Text(), nullable=True),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('component', sa.String(), nullable=False),
    sa.Column('component_version', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.create_index('ix_attributions_document', ['document'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('asserter_name', sa.String(), nullable=False),
    sa.Column('asserter_entity', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('certainty', sa.Float(), nullable=False),
    sa.Column('checkworthiness', sa.Float(), nullable=False),
    sa.Column('check_worthy', sa.Boolean(), nullable=False),
    sa.Column('evidence_kind', sa.String(), nullable=False),
    sa.Column('evidence_source', sa.String(), nullable=True),
    sa.Column('evidence_role', sa.String(), nullable=True),
    sa.Column('evidence_cue_start', sa.Integer(), nullable=True),
    sa.Column('evidence_cue_end', sa.Integer(), nullable=True),
    sa.Column('evidence_cue_text', sa.Text(), nullable=True),
    sa.Column('attribution', sa.String(), nullable=True),
    sa.Column('argument', sa.String(), nullable=True),
    sa.Column('subject', sa.String(), nullable=True),
    sa.Column('object', sa.String(), nullable=True),
    sa.Column('component', sa.String(), nullable=False),
    sa.Column('component_version', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_document', ['document'], unique=False)
        batch_op.create_index('ix_claims_evidence_kind', ['evidence_kind'], unique=False)
        batch_op.create_index('ix_claims_status', ['status'], unique=False)

    op.create_table('entities',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('corpus_entity', sa.String(), nullable=True),
    sa.Column('component', sa.String(), nullable=False),
    sa.Column('component_version', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['corpus_entity'], ['corpus_entities.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index('ix_entities_corpus_entity', ['corpus_entity'], unique=False)
        batch_op.create_index('ix_entities_document', ['document'], unique=False)
        batch_op.create_index('ix_entities_name', ['name'], unique=False)

    op.create_table('publications',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('url', sa.String(), nullable=True),
    sa.Column('outlet', sa.String(), nullable=True),
    sa.Column('author', sa.String(), nullable=True),
    sa.Column('date', sa.String(), nullable=True),
    sa.Column('title', sa.String(), nullable=True),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.Column('first_seen', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('publications', schema=None) as batch_op:
        batch_op.create_index('ix_publications_date', ['date'], unique=False)
        batch_op.create_index('ix_publications_document', ['document'], unique=False)
        batch_op.create_index('ix_publications_outlet', ['outlet'], unique=False)

    op.create_table('structure',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('component', sa.String(), nullable=False),
    sa.Column('component_version', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('structure', schema=None) as batch_op:
        batch_op.create_index('ix_structure_document', ['document'], unique=False)

    op.create_table('techniques',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('component', sa.String(), nullable=False),
    sa.Column('component_version', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('techniques', schema=None) as batch_op:
        batch_op.create_index('ix_techniques_document', ['document'], unique=False)
        batch_op.create_index('ix_techniques_label', ['label'], unique=False)

    op.create_table('claim_cues',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('claim', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('component', sa.String(), nullable=False),
    sa.Column('component_version', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['claim'], ['claims.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claim_cues', schema=None) as batch_op:
        batch_op.create_index('ix_claim_cues_claim', ['claim'], unique=False)

    op.create_table('claim_entities',
    sa.Column('claim', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('entity_key', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['claim'], ['claims.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim', 'ordinal')
    )
    with op.batch_alter_table('claim_entities', schema=None) as batch_op:
        batch_op.create_index('ix_claim_entities_document_key', ['document', 'entity_key'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document', sa.String(), nullable=False),
    sa.Column('entity', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('component', sa.String(), nullable=False),
    sa.Column('component_version', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity'], ['entities.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index('ix_mentions_document', ['document'], unique=False)
        batch_op.create_index('ix_mentions_entity', ['entity'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_mentions_entity')
        batch_op.drop_index('ix_mentions_document')

    op.drop_table('mentions')
    with op.batch_alter_table('claim_entities', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_entities_document_key')

    op.drop_table('claim_entities')
    with op.batch_alter_table('claim_cues', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_cues_claim')

    op.drop_table('claim_cues')
    with op.batch_alter_table('techniques', schema=None) as batch_op:
        batch_op.drop_index('ix_techniques_label')
        batch_op.drop_index('ix_techniques_document')

    op.drop_table('techniques')
    with op.batch_alter_table('structure', schema=None) as batch_op:
        batch_op.drop_index('ix_structure_document')

    op.drop_table('structure')
    with op.batch_alter_table('publications', schema=None) as batch_op:
        batch_op.drop_index('ix_publications_outlet')
        batch_op.drop_index('ix_publications_document')
        batch_op.drop_index('ix_publications_date')

    op.drop_table('publications')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index('ix_entities_name')
        batch_op.drop_index('ix_entities_document')
        batch_op.drop_index('ix_entities_corpus_entity')

    op.drop_table('entities')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_status')
        batch_op.drop_index('ix_claims_evidence_kind')
        batch_op.drop_index('ix_claims_document')

    op.drop_table('claims')
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.drop_index('ix_attributions_document')

    op.drop_table('attributions')
    with op.batch_alter_table('arguments', schema=None) as batch_op:
        batch_op.drop_index('ix_arguments_document')

    op.drop_table('arguments')
    op.drop_table('analyses')
    op.drop_table('documents')
    with op.batch_alter_table('corpus_entities', schema=None) as batch_op:
        batch_op.drop_index('ix_corpus_entities_type')

    op.drop_table('corpus_entities')
